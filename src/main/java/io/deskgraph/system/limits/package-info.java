/**
 * Query limits (depth, aliases, cost, request size, introspection), request body
 * timeouts, the checks that answer malformed GraphQL over HTTP requests, and automatic
 * persisted queries, all applied before any data fetcher runs.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system.limits;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
