package io.deskgraph.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.UserMetric;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry points for usage history, trends, rankings, metrics, exports and
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
	Mono<Connection<DesktopUsage>> desktopUsage(@Arguments FieldArguments.Usage args,
			DataFetchingFieldSelectionSet selection) {
		return this.service.desktopUsage(args, selection.contains("edges/node/points"));
	}

	@QueryMapping
	Mono<Connection<UsageRankEntry>> usageRanking(@Arguments FieldArguments.Ranking args) {
		return this.service.usageRanking(args);
	}

	@QueryMapping
	Mono<UsageTrend> usageTrend(@Arguments FieldArguments.Trend args) {
		return this.service.usageTrend(args);
	}

	@QueryMapping
	Mono<Connection<DesktopMetric>> desktopMetrics(@Arguments FieldArguments.DesktopMetrics args) {
		return this.service.desktopMetrics(args);
	}

	@QueryMapping
	Mono<Connection<UserMetric>> userMetrics(@Arguments FieldArguments.UserMetrics args) {
		return this.service.userMetrics(args);
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
			DataFetchingFieldSelectionSet selection,
			DataLoader<DesktopUsageBatchLoader.Key, DesktopUsage> desktopUsage) {
		return desktopUsage
			.load(new DesktopUsageBatchLoader.Key(desktop, range, granularity, selection.contains("points")));
	}

}
