/**
 * Client security: API key and bearer JWT authentication, limits on failed
 * authentication, per-caller account scoping, the caller in the Reactor context,
 * per-client request rate limiting in front of {@code /graphql}, client addresses behind
 * trusted proxies, operator-only actuator details and federation-only {@code _service}
 * while introspection is disabled.
 */
@NonNullApi
@NonNullFields
package io.deskgraph.system.security;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
