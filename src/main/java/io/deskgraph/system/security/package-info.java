/**
 * Client security: API key and bearer JWT authentication, per-caller account scoping and
 * per-client request rate limiting in front of {@code /graphql}.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system.security;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
