package io.deskgraph.export;

import io.deskgraph.usage.ExportTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes {@code GET /exports/{id}/file}, the {@code downloadUrl} of a finished export
 * task, to {@link ExportFileHandler}.
 *
 * @author DeskGraph
 */
@Configuration(proxyBeanMethods = false)
class ExportFileRoutes {

	@Bean
	RouterFunction<ServerResponse> exportFileRoute(ExportFileHandler handler) {
		return RouterFunctions.route(RequestPredicates.GET(ExportTask.DOWNLOADS + "/{id}/file"), handler::download);
	}

}
