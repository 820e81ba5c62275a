package io.deskgraph.graphql;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.deskgraph.connector.AccountDays;
import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.cost.AccountAdvice;
import io.deskgraph.cost.BillingAdvice;
import io.deskgraph.cost.CostAdvisor;
import io.deskgraph.cost.CostSummary;
import io.deskgraph.cost.PriceCatalogue;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.UsageConnector;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Answers the cost questions across the selected accounts: each account's inventory and
 * desktop usage ranking over the range (drained whole, the data of {@code usageRanking})
 * are advised on by {@link CostAdvisor}, then merged into one page by saving or summed
 * per currency.
 *
 * @author DeskGraph
 */
@Service
class CostService {

	private final AccountRegistry accounts;

	private final SourceFanOut fanOut;

	private final SourcePager pager;

	private final UsageWindows windows;

	private final CostAdvisor advisor;

	private final Clock clock;

	CostService(AccountRegistry accounts, SourceFanOut fanOut, SourcePager pager, UsageWindows windows,
			CostAdvisor advisor, Clock clock) {
		this.accounts = accounts;
		this.fanOut = fanOut;
		this.pager = pager;
		this.windows = windows;
		this.advisor = advisor;
		this.clock = clock;
	}

	Mono<BillingAdviceConnection> billingAdvice(FieldArguments.Advice args) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		PageRequest page = PageRequest.of(args.first(), args.after(),
				"billingAdvice|" + range + "|" + args.vendors() + "|" + args.accountIds());
		PriceCatalogue catalogue = this.advisor.catalogue();
		return AccountScope.current().flatMap((scope) -> {
			List<UsageConnector> selected = this.accounts.select(scope, args.vendors(), args.accountIds());
			boolean tooShort = tooShort(selected, range);
			return this.pager
				.page(selected, page,
						(connector, offset, count) -> advice(connector, range)
							.map((advice) -> Slice.of(advice, offset, count)),
						CostAdvisor.ORDER, (advice, position) -> advice)
				.map((connection) -> new BillingAdviceConnection(connection.edges(), connection.pageInfo(),
						connection.totalCount(), connection.sources(), tooShort, catalogue.minRangeDays(),
						catalogue.example()));
		});
	}

	Mono<CostSummary> costSummary(FieldArguments.Costs args) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		PriceCatalogue catalogue = this.advisor.catalogue();
		return AccountScope.current().flatMap((scope) -> {
			List<UsageConnector> selected = this.accounts.select(scope, args.vendors(), args.accountIds());
			boolean tooShort = tooShort(selected, range);
			return this.fanOut.ask(selected, (connector) -> advice(connector, range)).map((outcomes) -> {
				List<AccountAdvice> answered = new ArrayList<>();
				for (SourceOutcome<List<BillingAdvice>> outcome : outcomes) {
					if (outcome.value() != null) {
						answered.add(new AccountAdvice(outcome.connector().account(), outcome.value()));
					}
				}
				return CostSummary.of(answered, outcomes.stream().map(SourceOutcome::status).toList(), tooShort,
						catalogue.minRangeDays(), catalogue.example());
			});
		});
	}

	/**
	 * Every desktop of an account advised on: its inventory and its whole desktop usage
	 * ranking over the range, asked at the same time.
	 */
	private Mono<List<BillingAdvice>> advice(UsageConnector connector, DateRange range) {
		long days = days(connector, range);
		return Mono
			.zip(connector.desktopInventory(),
					connector.usageRanking(range, RankDimension.DESKTOP, 0, PlannedQuestion.ALL))
			.map((answers) -> this.advisor.advise(answers.getT1(), answers.getT2().items(), days));
	}

	private boolean tooShort(List<UsageConnector> selected, DateRange range) {
		return selected.stream()
			.anyMatch((connector) -> this.advisor.catalogue().rule().tooShort(days(connector, range)));
	}

	/** The range's days up to the account's today. */
	private long days(UsageConnector connector, DateRange range) {
		LocalDate today = AccountDays.of(connector.account(), this.clock).today();
		LocalDate last = range.to().isAfter(today) ? today : range.to();
		return last.isBefore(range.from()) ? 0 : ChronoUnit.DAYS.between(range.from(), last) + 1;
	}

}
