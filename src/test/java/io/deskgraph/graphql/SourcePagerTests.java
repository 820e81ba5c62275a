package io.deskgraph.graphql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.GatewayErrorType;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorUnavailableException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourcePager}.
 *
 * @author DeskGraph
 */
class SourcePagerTests {

	private static final Instant NOW = Instant.parse("2026-03-10T15:42:37Z");

	private static final DateRange RANGE = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9));

	private static final String QUERY = "usageRanking|" + RANGE + "|USER";

	/** Longest first, as rankings are merged. */
	private static final Comparator<UsageTotal> LONGEST_FIRST = Comparator
		.comparingLong((UsageTotal total) -> total.duration().seconds())
		.reversed();

	private final SourcePager pager = new SourcePager(new SourceFanOut(Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void orderedAccountsAreMergedByTheOrder() {
		List<UsageConnector> accounts = List.of(ranking("a", 90, 60, 30), ranking("b", 80, 70, 10),
				ranking("c", 100, 5));
		Connection<String> page = page(accounts, 10, null, LONGEST_FIRST);
		assertThat(nodes(page)).containsExactly("0:c0=100", "1:a0=90", "2:b0=80", "3:b1=70", "4:a1=60", "5:a2=30",
				"6:b2=10", "7:c1=5");
		assertThat(page.totalCount()).isEqualTo(8);
		assertThat(page.pageInfo().hasNextPage()).isFalse();
		assertThat(page.sources()).extracting(SourceStatus::state)
			.containsExactly(SourceState.OK, SourceState.OK, SourceState.OK);
	}

	@Test
	void mergedPageTakesTheFirstOfTheOrderAndItsCursorCountsWhatEachAccountGave() {
		List<UsageConnector> accounts = List.of(ranking("a", 90, 60, 30), ranking("b", 80, 70, 10),
				ranking("c", 100, 5));
		Connection<String> page = page(accounts, 4, null, LONGEST_FIRST);
		assertThat(nodes(page)).containsExactly("0:c0=100", "1:a0=90", "2:b0=80", "3:b1=70");
		assertThat(page.pageInfo().hasNextPage()).isTrue();
		assertThat(page.pageInfo().hasPreviousPage()).isFalse();
		assertThat(CursorCodec.decode(page.pageInfo().endCursor(), QUERY)).containsExactly(Map.entry("a", 1L),
				Map.entry("b", 2L), Map.entry("c", 1L));
		assertThat(CursorCodec.decode(page.edges().get(0).cursor(), QUERY)).containsExactly(Map.entry("a", 0L),
				Map.entry("b", 0L), Map.entry("c", 1L));
		assertThat(page.pageInfo().startCursor()).isEqualTo(page.edges().get(0).cursor());
		assertThat(page.pageInfo().endCursor()).isEqualTo(page.edges().get(3).cursor());
	}

	@Test
	void accountsWithoutAnOrderAreConcatenatedInAccountOrder() {
		List<UsageConnector> accounts = List.of(ranking("a", 1, 2, 3), ranking("b", 40, 50), ranking("c", 600));
		Connection<String> page = page(accounts, 4, null, null);
		assertThat(nodes(page)).containsExactly("0:a0=1", "1:a1=2", "2:a2=3", "3:b0=40");
		assertThat(page.pageInfo().hasNextPage()).isTrue();
		assertThat(CursorCodec.decode(page.pageInfo().endCursor(), QUERY)).containsExactly(Map.entry("a", 3L),
				Map.entry("b", 1L), Map.entry("c", 0L));
	}

	@Test
	void tiesGoToTheEarlierAccountAndKeepEachAccountsOrder() {
		List<UsageConnector> accounts = List.of(ranking("a", 50, 50, 20), ranking("b", 50, 40, 20),
				ranking("c", 50, 20));
		Connection<String> page = page(accounts, 10, null, LONGEST_FIRST);
		assertThat(nodes(page)).containsExactly("0:a0=50", "1:a1=50", "2:b0=50", "3:c0=50", "4:b1=40", "5:a2=20",
				"6:b2=20", "7:c1=20");
	}

	@Test
	void tiesAcrossPagesStayInTheSameOrder() {
		List<UsageConnector> accounts = List.of(ranking("a", 50, 50, 20), ranking("b", 50, 40, 20),
				ranking("c", 50, 20));
		assertThat(allPages(accounts, 3, LONGEST_FIRST)).containsExactly("0:a0=50", "1:a1=50", "2:b0=50", "3:c0=50",
				"4:b1=40", "5:a2=20", "6:b2=20", "7:c1=20");
	}

	@Test
	void failingAccountIsReportedAndTheOthersAreMerged() {
		VendorQuotaException throttled = new VendorQuotaException(Vendor.HUAWEI, "b", 429, "APIGW.0308", "req-1",
				"HUAWEI account b ListUserUsageRanking: throttled", Duration.ofSeconds(3), null);
		List<UsageConnector> accounts = List.of(ranking("a", 90, 60, 30), failing("b", throttled),
				ranking("c", 100, 5));
		Connection<String> page = page(accounts, 10, null, LONGEST_FIRST);
		assertThat(nodes(page)).containsExactly("0:c0=100", "1:a0=90", "2:a1=60", "3:a2=30", "4:c1=5");
		assertThat(page.totalCount()).isEqualTo(5);
		assertThat(page.pageInfo().hasNextPage()).isFalse();
		assertThat(page.sources()).containsExactly(new SourceStatus(Vendor.HUAWEI, "a", SourceState.OK, NOW, null),
				new SourceStatus(Vendor.HUAWEI, "b", SourceState.FAILED, null,
						new SourceError(GatewayErrorType.UPSTREAM_THROTTLED,
								"HUAWEI account b ListUserUsageRanking: throttled", true, "APIGW.0308", "req-1", 3)),
				new SourceStatus(Vendor.HUAWEI, "c", SourceState.OK, NOW, null));
		// The failed account is asked again from where it was on the next page.
		assertThat(CursorCodec.decode(page.pageInfo().endCursor(), QUERY)).containsEntry("b", 0L);
	}

	@Test
	void failingAccountKeepsItsOffsetFromTheCursor() {
		VendorUnavailableException down = new VendorUnavailableException(Vendor.HUAWEI, "b", 503, null, null,
				"HUAWEI account b answered 503", null);
		String after = CursorCodec.encode(QUERY, Map.of("a", 1L, "b", 2L));
		Connection<String> page = page(List.of(ranking("a", 90, 60, 30), failing("b", down)), 10, after, LONGEST_FIRST);
		// Positions count what every account gave before, the failed one included.
		assertThat(nodes(page)).containsExactly("3:a1=60", "4:a2=30");
		assertThat(CursorCodec.decode(page.pageInfo().endCursor(), QUERY)).containsExactly(Map.entry("a", 3L),
				Map.entry("b", 2L));
	}

	@Test
	void lastItemOfTheLastPageHasNoNextPage() {
		List<UsageConnector> accounts = List.of(ranking("a", 9, 7), ranking("b", 8, 6));
		Connection<String> first = page(accounts, 2, null, LONGEST_FIRST);
		assertThat(nodes(first)).containsExactly("0:a0=9", "1:b0=8");
		assertThat(first.pageInfo().hasNextPage()).isTrue();
		Connection<String> last = page(accounts, 2, first.pageInfo().endCursor(), LONGEST_FIRST);
		assertThat(nodes(last)).containsExactly("2:a1=7", "3:b1=6");
		assertThat(last.pageInfo().hasNextPage()).isFalse();
	}

	@Test
	void pageThatTakesEverythingHasNoNextPage() {
		Connection<String> page = page(List.of(ranking("a", 9, 7), ranking("b", 8, 6)), 4, null, LONGEST_FIRST);
		assertThat(page.edges()).hasSize(4);
		assertThat(page.pageInfo().hasNextPage()).isFalse();
	}

	@Test
	void oneItemLeftMeansANextPage() {
		List<UsageConnector> accounts = List.of(ranking("a", 9, 7), ranking("b", 8, 6, 1));
		Connection<String> first = page(accounts, 4, null, LONGEST_FIRST);
		assertThat(nodes(first)).containsExactly("0:a0=9", "1:b0=8", "2:a1=7", "3:b1=6");
		assertThat(first.pageInfo().hasNextPage()).isTrue();
		Connection<String> last = page(accounts, 4, first.pageInfo().endCursor(), LONGEST_FIRST);
		assertThat(nodes(last)).containsExactly("4:b2=1");
		assertThat(last.pageInfo().hasNextPage()).isFalse();
	}

	@Test
	void oneItemLeftInTheFirstAccountMeansANextPageWithoutAnOrder() {
		List<UsageConnector> accounts = List.of(ranking("a", 1, 2, 3), ranking("b"));
		Connection<String> page = page(accounts, 2, null, null);
		assertThat(nodes(page)).containsExactly("0:a0=1", "1:a1=2");
		assertThat(page.pageInfo().hasNextPage()).isTrue();
	}

	@Test
	void cursorsResumeExactlyAcrossPagesOfAMergedOrder() {
		List<UsageConnector> accounts = List.of(ranking("a", 95, 90, 61, 60, 33, 12, 11, 2),
				ranking("b", 99, 80, 61, 44, 40, 12), ranking("c", 70, 61, 50, 49, 48, 3, 1));
		List<String> all = page(accounts, 500, null, LONGEST_FIRST).edges().stream().map(Edge::node).toList();
		assertThat(all).hasSize(21);
		for (int first = 1; first <= 8; first++) {
			assertThat(allPages(accounts, first, LONGEST_FIRST)).as("pages of %d", first).isEqualTo(all);
		}
	}

	@Test
	void cursorsResumeExactlyAcrossPagesOfConcatenatedAccounts() {
		List<UsageConnector> accounts = List.of(ranking("a", 5, 4, 3), ranking("b"), ranking("c", 9, 8, 7, 6),
				ranking("d", 1));
		List<String> all = List.of("0:a0=5", "1:a1=4", "2:a2=3", "3:c0=9", "4:c1=8", "5:c2=7", "6:c3=6", "7:d0=1");
		for (int first = 1; first <= 9; first++) {
			assertThat(allPages(accounts, first, null)).as("pages of %d", first).isEqualTo(all);
		}
	}

	@Test
	void eachAccountIsAskedFromItsOwnOffsetForAFullPage() {
		RankingConnector a = ranking("a", 90, 60, 30);
		RankingConnector b = ranking("b", 80, 70, 10);
		Connection<String> first = page(List.of(a, b), 2, null, LONGEST_FIRST);
		page(List.of(a, b), 2, first.pageInfo().endCursor(), LONGEST_FIRST);
		assertThat(a.asked).containsExactly("0+2", "1+2");
		assertThat(b.asked).containsExactly("0+2", "1+2");
	}

	@Test
	void totalCountIsTheSumOfTheVendorTotalsOfTheAccountsThatAnswered() {
		List<UsageConnector> accounts = List.of(ranking("a", 120, List.of(9L, 8L)), ranking("b", 30, List.of(7L)));
		Connection<String> page = page(accounts, 2, null, LONGEST_FIRST);
		assertThat(page.totalCount()).isEqualTo(150);
		assertThat(page.pageInfo().hasNextPage()).isTrue();
	}

	@Test
	void totalCountIsNullWhenNoAccountAnswered() {
		VendorUnavailableException down = new VendorUnavailableException(Vendor.HUAWEI, "a", 0, null, null,
				"HUAWEI account a did not answer", null);
		Connection<String> page = page(List.of(failing("a", down), new Unsupported(account("b"))), 10, null,
				LONGEST_FIRST);
		assertThat(page.edges()).isEmpty();
		assertThat(page.totalCount()).isNull();
		assertThat(page.pageInfo()).isEqualTo(new PageInfo(false, false, null, null));
		assertThat(page.sources()).extracting(SourceStatus::state)
			.containsExactly(SourceState.FAILED, SourceState.UNSUPPORTED);
	}

	@Test
	void totalCountIsZeroWhenTheAccountsAnsweredWithNothing() {
		Connection<String> page = page(List.of(ranking("a"), ranking("b")), 10, null, LONGEST_FIRST);
		assertThat(page.edges()).isEmpty();
		assertThat(page.totalCount()).isZero();
		assertThat(page.pageInfo()).isEqualTo(new PageInfo(false, false, null, null));
	}

	@Test
	void hugeVendorTotalsSaturateInsteadOfOverflowing() {
		assertThat(totalCount(Long.MAX_VALUE, 1)).isEqualTo(Integer.MAX_VALUE);
		assertThat(totalCount(Long.MAX_VALUE, Long.MAX_VALUE, 3_000_000_000L)).isEqualTo(Integer.MAX_VALUE);
		assertThat(totalCount(3_000_000_000L)).isEqualTo(Integer.MAX_VALUE);
		assertThat(totalCount(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MAX_VALUE);
		assertThat(totalCount(Integer.MAX_VALUE - 1L, 1)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void hugeVendorTotalsStillHaveANextPage() {
		Connection<String> page = page(List.of(ranking("a", Long.MAX_VALUE, List.of(9L, 8L, 7L))), 2, null,
				LONGEST_FIRST);
		assertThat(page.pageInfo().hasNextPage()).isTrue();
	}

	/**
	 * The total count of a page over accounts that each report one result and a vendor
	 * total.
	 */
	@Nullable
	private Integer totalCount(long... vendorTotals) {
		List<UsageConnector> accounts = new ArrayList<>();
		for (int i = 0; i < vendorTotals.length; i++) {
			accounts.add(ranking("a" + i, vendorTotals[i], List.of(60L)));
		}
		return page(accounts, 1, null, LONGEST_FIRST).totalCount();
	}

	private Connection<String> page(List<UsageConnector> accounts, int first, @Nullable String after,
			@Nullable Comparator<UsageTotal> order) {
		return this.pager
			.page(accounts, PageRequest.of(first, after, QUERY),
					(connector, offset, count) -> connector.usageRanking(RANGE, RankDimension.USER, offset, count),
					order, (total, position) -> position + ":" + total.userName() + "=" + total.duration().seconds())
			.block();
	}

	/**
	 * Pages to the end, each page from the previous page's end cursor.
	 */
	private List<String> allPages(List<UsageConnector> accounts, int first, @Nullable Comparator<UsageTotal> order) {
		List<String> nodes = new ArrayList<>();
		String after = null;
		for (int pages = 0; pages < 100; pages++) {
			Connection<String> page = page(accounts, first, after, order);
			assertThat(page.edges()).hasSizeLessThanOrEqualTo(first);
			nodes.addAll(nodes(page));
			if (!page.pageInfo().hasNextPage()) {
				return nodes;
			}
			assertThat(page.edges()).hasSize(first);
			after = page.pageInfo().endCursor();
		}
		throw new AssertionError("no last page after 100 pages");
	}

	private static List<String> nodes(Connection<String> page) {
		return page.edges().stream().map(Edge::node).toList();
	}

	private static Account account(String id) {
		return new Account(id, Vendor.HUAWEI, "cn-north-4", null);
	}

	/**
	 * An account ranking its users with the given seconds of usage, in that order, named
	 * after the account and their index.
	 */
	private static RankingConnector ranking(String id, long... seconds) {
		List<Long> list = new ArrayList<>();
		for (long s : seconds) {
			list.add(s);
		}
		return ranking(id, list.size(), list);
	}

	private static RankingConnector ranking(String id, long totalCount, List<Long> seconds) {
		List<UsageTotal> totals = new ArrayList<>();
		for (int i = 0; i < seconds.size(); i++) {
			totals.add(new UsageTotal(null, id + i, UsageDuration.ofSeconds(seconds.get(i))));
		}
		return new RankingConnector(account(id), totals, totalCount, null);
	}

	private static RankingConnector failing(String id, VendorException failure) {
		return new RankingConnector(account(id), List.of(), 0, failure);
	}

	/**
	 * Answers usage rankings from a list, by offset and count, with a vendor total, or
	 * fails.
	 */
	private static final class RankingConnector implements UsageConnector {

		private final Account account;

		private final List<UsageTotal> totals;

		private final long totalCount;

		@Nullable
		private final VendorException failure;

		private final List<String> asked = new ArrayList<>();

		RankingConnector(Account account, List<UsageTotal> totals, long totalCount, @Nullable VendorException failure) {
			this.account = account;
			this.totals = totals;
			this.totalCount = totalCount;
			this.failure = failure;
		}

		@Override
		public Account account() {
			return this.account;
		}

		@Override
		public Mono<Slice<UsageTotal>> usageRanking(DateRange range, RankDimension by, long offset, int count) {
			this.asked.add(offset + "+" + count);
			if (this.failure != null) {
				return Mono.error(this.failure);
			}
			int from = (int) Math.min(offset, this.totals.size());
			int to = (int) Math.min(from + (long) count, this.totals.size());
			return Mono.just(new Slice<>(List.copyOf(this.totals.subList(from, to)), this.totalCount));
		}

	}

	/**
	 * An account of a vendor without a ranking API.
	 */
	private record Unsupported(Account account) implements UsageConnector {

	}

}
