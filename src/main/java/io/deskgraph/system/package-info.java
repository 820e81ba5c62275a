/**
 * Cross-cutting concerns with their own sub-packages: security, query and request limits,
 * and observability; here only the clock every date and cache age is computed from. It
 * may use the model and the connectors, never the GraphQL layer.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
