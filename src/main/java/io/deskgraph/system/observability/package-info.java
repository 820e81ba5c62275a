/**
 * Operations: per-account health, the GraphQL request log, log-safe client text, quiet
 * client aborts and production start-up checks.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system.observability;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
