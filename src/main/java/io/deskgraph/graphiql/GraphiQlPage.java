package io.deskgraph.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;

import io.deskgraph.system.security.ApiKeyAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.util.DigestUtils;
import org.springframework.util.StreamUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The GraphiQL page, rendered once from its template with the GraphQL path and the
 * versions of the GraphiQL and React WebJars on the classpath, and served with a content
 * security policy that lets it load and call nothing but its own origin.
 *
 * @author DeskGraph
 */
final class GraphiQlPage {

	private static final Logger logger = LoggerFactory.getLogger(GraphiQlPage.class);

	private static final MediaType TEXT_HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final String html;

	private final String etag;

	private final String contentSecurityPolicy;

	/**
	 * Renders the page.
	 * @param graphQlPath where the page sends queries ({@code spring.graphql.http.path})
	 * @param apiKeys whether API keys are configured, so the page offers a field for one
	 * @param resources the class path, searched for the WebJars' versions
	 */
	GraphiQlPage(String graphQlPath, boolean apiKeys, ResourcePatternResolver resources) {
		String graphiql = webJarVersion(resources, "graphiql", "graphiql.min.js");
		String react = webJarVersion(resources, "react", "umd/react.production.min.js");
		String reactDom = webJarVersion(resources, "react-dom", "umd/react-dom.production.min.js");
		String script = read("graphiql.js");
		if (script.contains("</")) {
			throw new IllegalStateException("graphiql.js must not contain '</': it is inlined in a <script> element");
		}
		this.html = render(read("graphiql.html"),
				Map.of("graphQlPath", HtmlUtils.htmlEscape(graphQlPath), "apiKeys", String.valueOf(apiKeys),
						"apiKeyHeader", ApiKeyAuthentication.HEADER, "graphiqlVersion", graphiql, "reactVersion", react,
						"reactDomVersion", reactDom, "script", script));
		this.etag = "\"" + DigestUtils.md5DigestAsHex(this.html.getBytes(StandardCharsets.UTF_8)) + "\"";
		// The inline script runs by its hash, so no other inline script can; GraphiQL
		// sets inline styles, and its fonts are data: URLs in its CSS.
		this.contentSecurityPolicy = "default-src 'none'; script-src 'self' 'sha256-" + sha256(script) + "'; "
				+ "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; "
				+ "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
		logger.info("GraphiQL {} with React {} from the jar's WebJars, sending queries to {}", graphiql, react,
				graphQlPath);
	}

	Mono<ServerResponse> serve(ServerRequest request) {
		// Revalidated on every visit (the page is small), so a new version or setting
		// shows at once; the WebJar URLs it names carry their versions.
		return request.checkNotModified(this.etag)
			.switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
				.contentType(TEXT_HTML_UTF8)
				.cacheControl(CacheControl.noCache())
				.eTag(this.etag)
				.header("Content-Security-Policy", this.contentSecurityPolicy)
				.bodyValue(this.html)));
	}

	/**
	 * The version of the WebJar on the class path holding the file: the one the pom
	 * declares, so an upgrade there needs no change here.
	 */
	private static String webJarVersion(ResourcePatternResolver resources, String webJar, String file) {
		String root = "/webjars/" + webJar + "/";
		TreeSet<String> versions = new TreeSet<>();
		try {
			for (Resource resource : resources.getResources("classpath*:META-INF/resources" + root + "*/" + file)) {
				String url = resource.getURL().toString();
				int start = url.lastIndexOf(root) + root.length();
				versions.add(url.substring(start, url.indexOf('/', start)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (versions.size() != 1) {
			throw new IllegalStateException("GraphiQL (spring.graphql.graphiql.enabled) needs one version of the "
					+ webJar + " WebJar with " + file + " on the class path, found " + versions);
		}
		return versions.first();
	}

	private static String read(String name) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(name, GraphiQlPage.class).getInputStream(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String render(String template, Map<String, String> values) {
		String html = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			html = html.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		if (html.contains("{{")) {
			throw new IllegalStateException("graphiql.html has a placeholder without a value");
		}
		return html;
	}

	private static String sha256(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
