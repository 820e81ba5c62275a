/**
 * Cross-cutting wiring: clock, GraphQL scalars, the error resolver and error
 * classifications.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
