package io.deskgraph.system.security;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code usageTrend} sums only the accounts of the caller's key, and treats
 * another account like an unknown one.
 *
 * @author DeskGraph
 */
class UsageTrendScopingTests extends SecurityTestSupport {

	@Test
	void aScopedKeysTrendIsItsAccountsAlone() {
		GraphQlTester.Response response = withKey(HUAWEI_KEY).documentName("usageTrend")
			.variable("range", range())
			.execute();
		response.path("usageTrend.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("huawei-demo")
			.path("usageTrend.byAccount[*].account.id")
			.entityList(String.class)
			.containsExactly("huawei-demo");
		List<Long> accountDays = response.path("usageTrend.byAccount[0].points[*].duration.seconds")
			.entityList(Long.class)
			.hasSize(7)
			.get();
		response.path("usageTrend.points[*].duration.seconds").entityList(Long.class).isEqualTo(accountDays);
		assertThat(accountDays).anySatisfy((seconds) -> assertThat(seconds).isPositive());
	}

	@Test
	void anUnscopedKeysTrendSumsEveryAccount() {
		withKey(OPS_KEY).documentName("usageTrend")
			.variable("range", range())
			.execute()
			.path("usageTrend.byAccount[*].account.id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo");
	}

	@Test
	void anotherAccountInAccountIdsIsAnUnknownAccount() {
		String hidden = unknownAccountMessage(trend(List.of("alibaba-demo")));
		String unknown = unknownAccountMessage(trend(List.of("nowhere")));
		assertThat(hidden).isEqualTo(unknown.replace("nowhere", "alibaba-demo"))
			.startsWith("unknown account 'alibaba-demo'");
	}

	private GraphQlTester.Response trend(List<String> accountIds) {
		return withKey(HUAWEI_KEY).documentName("usageTrend")
			.variable("range", range())
			.variable("accountIds", accountIds)
			.execute();
	}

	private static String unknownAccountMessage(GraphQlTester.Response response) {
		String[] message = new String[1];
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			message[0] = error.getMessage();
		}));
		return message[0].substring(message[0].indexOf("unknown account"));
	}

	private static Map<String, Object> range() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return Map.of("from", today.minusDays(7).toString(), "to", today.minusDays(1).toString());
	}

}
