package io.deskgraph.usage;

import java.util.concurrent.CompletableFuture;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.system.PartialResults;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry points for usage history, rankings, metrics, exports and
 * {@code Desktop.usage}.
 *
 * @author DeskGraph
 */
@Controller
class UsageController {

	private final UsageService service;

	UsageController(UsageService service) {
		this.service = service;
	}

	@QueryMapping
	Mono<DataFetcherResult<Connection<DesktopUsage>>> desktopUsage(@Arguments FieldArguments.Usage args,
			DataFetchingEnvironment env) {
		return this.service.desktopUsage(args).map((page) -> PartialResults.of(page, page.sources(), env));
	}

	@QueryMapping
	Mono<DataFetcherResult<Connection<UsageRankEntry>>> usageRanking(@Arguments FieldArguments.Ranking args,
			DataFetchingEnvironment env) {
		return this.service.usageRanking(args).map((page) -> PartialResults.of(page, page.sources(), env));
	}

	@QueryMapping
	Mono<DataFetcherResult<Connection<DesktopMetric>>> desktopMetrics(@Arguments FieldArguments.DesktopMetrics args,
			DataFetchingEnvironment env) {
		return this.service.desktopMetrics(args).map((page) -> PartialResults.of(page, page.sources(), env));
	}

	@QueryMapping
	Mono<DataFetcherResult<Connection<UserMetric>>> userMetrics(@Arguments FieldArguments.UserMetrics args,
			DataFetchingEnvironment env) {
		return this.service.userMetrics(args).map((page) -> PartialResults.of(page, page.sources(), env));
	}

	@QueryMapping
	Mono<ExportTask> exportTask(@Argument String id) {
		return this.service.exportTask(id);
	}

	@MutationMapping
	Mono<ExportTask> startDesktopUsageExport(@Argument DesktopUsageExportInput input) {
		return this.service.startDesktopUsageExport(input);
	}

	@SchemaMapping
	CompletableFuture<DesktopUsage> usage(Desktop desktop, @Argument DateRange range, @Argument Granularity granularity,
			DataLoader<DesktopUsageBatchLoader.Key, DesktopUsage> desktopUsage) {
		return desktopUsage.load(new DesktopUsageBatchLoader.Key(desktop, range, granularity));
	}

}
