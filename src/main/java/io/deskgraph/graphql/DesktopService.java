package io.deskgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.GlobalId;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UsageConnector;
import reactor.core.publisher.Mono;

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
	 * vendor ({@code usage}) are loaded in batches for all entities of a request.
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
