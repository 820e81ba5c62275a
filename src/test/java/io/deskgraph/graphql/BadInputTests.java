package io.deskgraph.graphql;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that bad input gets a clear GraphQL error naming the argument and the limit,
 * before any vendor call.
 *
 * @author DeskGraph
 */
class BadInputTests extends GatewayTestSupport {

	@Test
	void malformedDateNamesTheFormat() {
		this.graphQlTester
			.document("{ usageRanking(range: {from: \"2026-13-01\", to: \"2026-11-02\"}) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getMessage()).contains("range").contains("yyyy-MM-dd");
			}));
	}

	@Test
	void malformedDateInVariablesNamesTheFormat() {
		this.graphQlTester.documentName("usageRanking")
			.variable("range", Map.of("from", "20261101", "to", "2026-11-02"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains("yyyy-MM-dd")));
	}

	@Test
	void invertedRangeIsBadRequest() {
		badRequest(ranking(range(today().minusDays(1), today().minusDays(5)), 10), "range", "after to");
	}

	@Test
	void firstOutOfRangeIsBadRequest() {
		badRequest(ranking(range(today().minusDays(5), today().minusDays(1)), 0), "first", "between 1 and 500");
		badRequest(ranking(range(today().minusDays(5), today().minusDays(1)), 501), "first", "between 1 and 500");
	}

	@Test
	void unknownAccountIsBadRequest() {
		badRequest(this.graphQlTester.documentName("usageRanking")
			.variable("range", range(today().minusDays(5), today().minusDays(1)))
			.variable("accountIds", List.of("nope")), "accountIds", "unknown account 'nope'");
	}

	@Test
	void tamperedCursorIsBadRequest() {
		String cursor = this.graphQlTester.documentName("usageRanking")
			.variable("range", range(today().minusDays(5), today().minusDays(1)))
			.variable("first", 2)
			.execute()
			.path("usageRanking.pageInfo.endCursor")
			.entity(String.class)
			.get();
		String decoded = new String(Base64.getUrlDecoder().decode(cursor));
		String tampered = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(decoded.replaceFirst("=(\\d)", "=7$1").getBytes());
		badRequest(ranking(range(today().minusDays(5), today().minusDays(1)), 2).variable("after", tampered), "after",
				"not a cursor DeskGraph issued");
		badRequest(ranking(range(today().minusDays(5), today().minusDays(1)), 2).variable("after", "garbage!"), "after",
				"not a cursor DeskGraph issued");
		badRequest(ranking(range(today().minusDays(6), today().minusDays(1)), 2).variable("after", cursor), "after",
				"other arguments");
	}

	@Test
	void userMetricsOverThirtyDaysNameTheLimitWithoutCallingTheVendor() {
		// A user ranking over 30 days is split into windows and summed
		// (UserRankingAcrossWindowsTests); the metrics' filters and sorts are the
		// vendor's
		// own, per window, so they keep its limit.
		badRequest(this.graphQlTester.documentName("userMetrics")
			.variable("range", range(today().minusDays(31), today().minusDays(1)))
			.variable("accountIds", List.of("huawei-demo"))
			.variable("first", 5), "range", "30 days");
		assertThat(upstreamCalls("ListUserUsageMetric")).isZero();
	}

	@Test
	void desktopRankingBeyondOneHundredEightyDaysNamesTheLimit() {
		badRequest(ranking(range(today().minusDays(181), today().minusDays(100)), 5), "range", "180 days");
		assertThat(upstreamCalls("ListDesktopUsageMetric")).isZero();
	}

	@Test
	void futureRangeIsBadRequest() {
		// The day after the latest today of the demo accounts (Alibaba's days are China
		// time, a day ahead of UTC from 16:00 UTC).
		LocalDate latest = this.alibaba.estate().today().isAfter(today()) ? this.alibaba.estate().today() : today();
		badRequest(ranking(range(latest.plusDays(1), latest.plusDays(3)), 5), "range", "future");
	}

	@Test
	void malformedDesktopIdIsBadRequest() {
		badRequest(this.graphQlTester.documentName("desktopUsage")
			.variable("range", range(today().minusDays(2), today().minusDays(1)))
			.variable("desktopIds", List.of("6f1c")), "desktopIds", "vendor:accountId:nativeId");
		badRequest(
				this.graphQlTester.documentName("desktopUsage")
					.variable("range", range(today().minusDays(2), today().minusDays(1)))
					.variable("desktopIds", List.of("huawei:elsewhere:6f1c")),
				"desktopIds", "unknown account 'elsewhere'");
	}

	@Test
	void metricFilterOutOfRangeIsBadRequest() {
		badRequest(this.graphQlTester.documentName("desktopMetrics")
			.variable("range", range(today().minusDays(5), today().minusDays(1)))
			.variable("filter", Map.of("minIdleDays", 200)), "filter.minIdleDays", "between 0 and 180");
		badRequest(this.graphQlTester.documentName("userMetrics")
			.variable("range", range(today().minusDays(5), today().minusDays(1)))
			.variable("sort", Map.of("field", "DESKTOP_USAGE")), "sort.field", "does not apply");
	}

	@Test
	void invertedExportRangeNamesTheArgumentInsideTheInput() {
		badRequest(this.graphQlTester.documentName("startExport")
			.variable("input",
					Map.of("accountId", "huawei-demo", "range", range(today().minusDays(1), today().minusDays(5)))),
				"input.range", "after to");
	}

	@Test
	void exportForUnknownAccountIsBadRequest() {
		badRequest(
				this.graphQlTester.documentName("startExport")
					.variable("input", Map.of("accountId", "nope", "range", range(today().minusDays(5), today()))),
				"input.accountId", "unknown account");
	}

	private GraphQlTester.Request<?> ranking(Map<String, Object> range, int first) {
		return this.graphQlTester.documentName("usageRanking").variable("range", range).variable("first", first);
	}

	private static void badRequest(GraphQlTester.Request<?> request, String argument, String text) {
		request.execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((ResponseError error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).startsWith(argument + ":").contains(text);
				assertThat(error.getExtensions()).containsEntry("argument", argument);
			});
		});
	}

}
