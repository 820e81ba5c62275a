package io.deskgraph.graphiql;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link GraphiQlPage} over HTTP in demo mode.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@ActiveProfiles("unthrottled")
class GraphiQlPageTests {

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void pageIsHtmlThatRevalidatesAndMayLoadNothingFromOtherHosts() {
		this.webTestClient.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectHeader()
			.cacheControl(CacheControl.noCache())
			.expectHeader()
			.exists(HttpHeaders.ETAG)
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy).contains("default-src 'none'")
						.contains("connect-src 'self'")
						.doesNotContain("http"))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<title>DeskGraph GraphiQL</title>")
				.contains("data-endpoint=\"/graphql\"")
				.contains("data-api-keys=\"false\"")
				.contains("shouldPersistHeaders: false")
				.doesNotContain("://")
				.doesNotContain("{{"));
	}

	@Test
	void everyScriptAndStylesheetIsServedFromTheJar() {
		String html = GraphiQlTestSupport.page(this.webTestClient);
		GraphiQlTestSupport.assertAssetsServed(this.webTestClient, html);
	}

	@Test
	void pageAskedAgainWithItsETagIsNotModified() {
		String etag = this.webTestClient.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		this.webTestClient.get()
			.uri("/graphiql")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void missingWebJarFailsAtStartUp() {
		// A class path without the WebJars: the page would be blank, so there is none.
		ResourcePatternResolver noWebJars = new PathMatchingResourcePatternResolver(
				new URLClassLoader(new URL[0], null));
		assertThatIllegalStateException().isThrownBy(() -> new GraphiQlPage("/graphql", false, noWebJars))
			.withMessageContaining("graphiql WebJar with graphiql.min.js");
	}

	@Test
	void pathParameterOfBootsPageChangesNothing() {
		// Spring Boot's page took the GraphQL endpoint from ?path=; this one only ever
		// sends queries to spring.graphql.http.path.
		this.webTestClient.get()
			.uri("/graphiql?path=https://elsewhere.example/graphql")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("data-endpoint=\"/graphql\"").doesNotContain("elsewhere"));
	}

}
