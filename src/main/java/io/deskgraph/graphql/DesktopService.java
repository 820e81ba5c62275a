package io.deskgraph.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.DataPendingException;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopNotFoundException;
import io.deskgraph.usage.GlobalId;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.VendorException;
import org.dataloader.DataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Answers the desktop questions (accounts, status counts, idle desktops) across the
 * selected accounts.
 *
 * @author DeskGraph
 */
@Service
class DesktopService {

	private static final Logger logger = LoggerFactory.getLogger(DesktopService.class);

	/** The request's accounts and desktops whose failed detail lookup has its error. */
	private static final String REPORTED_DETAIL_FAILURES = DesktopService.class.getName() + ".reportedDetailFailures";

	private final AccountRegistry accounts;

	private final SourceFanOut fanOut;

	private final SourcePager pager;

	private final UsageWindows windows;

	DesktopService(AccountRegistry accounts, SourceFanOut fanOut, SourcePager pager, UsageWindows windows) {
		this.accounts = accounts;
		this.fanOut = fanOut;
		this.pager = pager;
		this.windows = windows;
	}

	Mono<List<Account>> accounts() {
		return AccountScope.current().map(this.accounts::accounts);
	}

	/**
	 * Resolves a desktop by global id for federation. Nothing is asked of the vendor
	 * here: the id names vendor, account and native id, and the fields that need the
	 * vendor ({@code usage}, {@code name}, {@code state}, {@code billingMode} ...) are
	 * loaded in batches for all entities of a request.
	 * @throws InvalidArgumentException if the id is malformed or names no configured
	 * account of its vendor the caller may see
	 */
	Mono<Desktop> desktop(@Nullable String id) {
		return AccountScope.current().map((scope) -> {
			if (id == null) {
				throw new InvalidArgumentException("id",
						"is required: each Desktop representation needs the id returned in Desktop.id");
			}
			GlobalId globalId = GlobalId.parse(id, "id");
			Account account = this.accounts.get(scope, globalId.accountId(), "id").account();
			if (account.vendor() != globalId.vendor()) {
				throw new InvalidArgumentException("id", "'" + id + "' names vendor " + globalId.vendor()
						+ " but account " + globalId.accountId() + " belongs to vendor " + account.vendor());
			}
			return Desktop.of(globalId.vendor(), globalId.accountId(), globalId.nativeId(), null);
		});
	}

	/**
	 * One field of a desktop that only the vendor's desktop listing may know (name,
	 * region, state, billing mode and their vendor values): the desktop's own value when
	 * it has one; for a desktop the request named by id ({@code _entities}, or
	 * {@code desktopUsage} with {@code desktopIds}) that lacks it, the vendor's, loaded
	 * with every other such desktop of the request in one call per account; otherwise
	 * {@code null}. A failed lookup leaves the field {@code null} with one error per
	 * account (per desktop for one the vendor does not know) on the first field it
	 * empties; a vendor without a desktop listing leaves it {@code null} without one.
	 * @param desktop the desktop
	 * @param field the field's value in a desktop
	 * @param env the field's environment
	 * @param details the request's desktop detail loader
	 * @return the value, or a result carrying the error
	 */
	CompletableFuture<Object> detail(Desktop desktop, Function<Desktop, Object> field, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> details) {
		Object known = field.apply(desktop);
		if (known != null || !namedById(env)) {
			return CompletableFuture.completedFuture(known);
		}
		return details.load(DesktopDetailsBatchLoader.Key.of(desktop)).handle((described, failure) -> {
			if (failure == null) {
				return (described != null) ? field.apply(described) : null;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			if (cause instanceof UnsupportedQueryException) {
				// A vendor with no desktop listing is not an error, as UNSUPPORTED
				// sources are not: the fields stay unknown.
				return null;
			}
			String subject = (cause instanceof DesktopNotFoundException) ? desktop.id() : desktop.accountId();
			Set<String> reported = env.getGraphQlContext()
				.computeIfAbsent(REPORTED_DETAIL_FAILURES, (key) -> ConcurrentHashMap.newKeySet());
			if (!reported.add(subject)) {
				return null;
			}
			return DataFetcherResult.newResult().data(null).error(detailError(cause, desktop, env)).build();
		});
	}

	/**
	 * Whether the desktop of a field was named by id by the request: the query estimator
	 * counts the detail calls of the same desktops (VendorCallEstimator).
	 */
	private static boolean namedById(DataFetchingEnvironment env) {
		ExecutionStepInfo step = env.getExecutionStepInfo();
		while (step.getParent() != null && step.getParent().getParent() != null) {
			step = step.getParent();
		}
		String root = step.getField().getName();
		return root.equals("_entities") || (root.equals("desktopUsage") && step.getArgument("desktopIds") != null);
	}

	private static GraphQLError detailError(Throwable cause, Desktop desktop, DataFetchingEnvironment env) {
		if (cause instanceof VendorException vendor) {
			return SourceErrors.of(env, vendor.getVendor(), vendor.getAccountId(), SourceError.of(vendor), null);
		}
		if (cause instanceof DataPendingException pending) {
			return SourceErrors.of(env, pending.getVendor(), pending.getAccountId(), SourceError.pending(pending),
					SourceState.PENDING);
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("vendor", desktop.vendor().name());
		extensions.put("accountId", desktop.accountId());
		ErrorType type = ErrorType.BAD_REQUEST;
		String message = cause.getMessage();
		if (cause instanceof DesktopNotFoundException) {
			type = ErrorType.NOT_FOUND;
		}
		else if (cause instanceof UpstreamBudgetExceededException budget) {
			extensions.put("limit", UpstreamBudgetExceededException.LIMIT);
			extensions.put("max", budget.getMax());
		}
		else if (!(cause instanceof InvalidArgumentException)) {
			String executionId = env.getExecutionId().toString();
			logger.error("Unexpected failure describing desktops of account {} (execution {})", desktop.accountId(),
					executionId, cause);
			type = ErrorType.INTERNAL_ERROR;
			message = "Internal error describing the desktops of account " + desktop.accountId()
					+ "; see the server log for execution " + executionId;
			extensions.put("executionId", executionId);
		}
		return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
	}

	/**
	 * Desktop counts by state of the selected accounts; login and attach counts are asked
	 * of the vendors only when the selection has them, as they may cost a whole
	 * inventory.
	 */
	Mono<DesktopStatusReport> desktopStatus(FieldArguments.Status args, DataFetchingFieldSelectionSet selection) {
		boolean withLoginAndAttach = selection.containsAnyOf("login", "attach", "byAccount/login", "byAccount/attach",
				"pools/login", "pools/attach");
		return AccountScope.current().flatMap((scope) -> {
			List<UsageConnector> connectors = this.accounts.select(scope, args.vendors(), args.accountIds());
			StatusFilter filter = new StatusFilter(Objects.requireNonNullElse(args.desktopTypes(), List.of()),
					Objects.requireNonNullElse(args.poolIds(), List.of()), withLoginAndAttach,
					selection.contains("pools"));
			return this.fanOut.ask(connectors, (connector) -> connector.desktopStatus(filter)).map(this::report);
		});
	}

	private DesktopStatusReport report(List<SourceOutcome<StatusCounts>> outcomes) {
		int total = 0;
		AttachCounts attach = null;
		RunCounts run = null;
		LoginCounts login = null;
		List<PoolStatus> pools = new ArrayList<>();
		List<AccountStatus> byAccount = new ArrayList<>();
		for (SourceOutcome<StatusCounts> outcome : outcomes) {
			StatusCounts counts = outcome.value();
			if (counts == null) {
				continue;
			}
			total += counts.total();
			attach = sum(attach, counts.attach(), AttachCounts::plus);
			run = sum(run, counts.run(), RunCounts::plus);
			login = sum(login, counts.login(), LoginCounts::plus);
			pools.addAll(counts.pools());
			byAccount.add(new AccountStatus(outcome.connector().account(), counts.total(), counts.attach(),
					counts.run(), counts.login()));
		}
		return new DesktopStatusReport(total, attach, run, login, pools, byAccount,
				outcomes.stream().map(SourceOutcome::status).toList());
	}

	private static <T> T sum(@Nullable T sum, @Nullable T counts, BinaryOperator<T> plus) {
		if (counts == null) {
			return sum;
		}
		return (sum != null) ? plus.apply(sum, counts) : counts;
	}

	Mono<Connection<IdleDesktop>> idleDesktops(FieldArguments.Idle args) {
		UsageWindows.TimeWindow window = this.windows.idleWindow(args.since(), args.until());
		return AccountScope.current().flatMap((scope) -> {
			List<UsageConnector> connectors = this.accounts.select(scope, args.vendors(), args.accountIds());
			PageRequest page = PageRequest.of(args.first(), args.after(), "idleDesktops|" + args.since() + "|"
					+ args.until() + "|" + args.vendors() + "|" + args.accountIds());
			return this.pager.page(connectors, page,
					(connector, offset, count) -> connector.idleDesktops(window.since(), window.until(), offset, count),
					null, (desktop, position) -> desktop);
		});
	}

}
