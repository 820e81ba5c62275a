package io.deskgraph.system.security;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the security tests: DeskGraph in demo mode over real HTTP with two API keys,
 * one of them scoped to the Huawei demo account.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.api-keys[0].name=ops",
				"deskgraph.security.api-keys[0].key=" + SecurityTestSupport.OPS_KEY,
				"deskgraph.security.api-keys[1].name=huawei-team",
				"deskgraph.security.api-keys[1].key=" + SecurityTestSupport.HUAWEI_KEY,
				"deskgraph.security.api-keys[1].accounts=huawei-demo" })
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("unthrottled")
abstract class SecurityTestSupport {

	static final String OPS_KEY = "ops-4f6c1e0b9a7d4c2e8b3f5a6d7c8e9f01";

	static final String HUAWEI_KEY = "hw-9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d";

	@Autowired
	protected HttpGraphQlTester graphQlTester;

	@Autowired
	protected WebTestClient webTestClient;

	protected HttpGraphQlTester withKey(String key) {
		return this.graphQlTester.mutate().header(ApiKeyAuthenticator.HEADER, key).build();
	}

}
