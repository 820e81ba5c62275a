/**
 * Export files through the gateway: {@code GET /exports/{id}/file} streams the file of a
 * finished vendor export task to the caller, within the caller's account scope, behind
 * the same authentication and per-client rate limit as {@code /graphql}.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.export;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
