/**
 * Operations: per-account health, the GraphQL request log and production start-up checks.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system.observability;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
