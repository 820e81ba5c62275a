package io.deskgraph.system.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link FederationServiceInstrumentation} changes nothing while introspection
 * is enabled, the default.
 *
 * @author DeskGraph
 */
class FederationServiceWithIntrospectionTests extends SecurityTestSupport {

	@Test
	void anyCallerReadsTheSdl() {
		withKey(HUAWEI_KEY).document("{ _service { sdl } }")
			.execute()
			.path("_service.sdl")
			.entity(String.class)
			.satisfies((sdl) -> assertThat(sdl).contains("type Desktop"));
	}

}
