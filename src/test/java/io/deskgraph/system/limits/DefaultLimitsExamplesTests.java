package io.deskgraph.system.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every example operation of README.md and every shipped dashboard operation
 * answers in full, in the order a new user would run them, on a fresh start with the
 * default limits and vendor quotas.
 *
 * @author DeskGraph
 */
class DefaultLimitsExamplesTests extends DefaultLimitsTestSupport {

	/** The day the README's example dates were written for. */
	private static final LocalDate README_WRITTEN = LocalDate.parse("2026-11-22");

	private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/**
	 * Every operation of the shipped file, in its order (the dashboard page runs them).
	 */
	private static final List<String> DASHBOARD_OPERATIONS = List.of("TopUsersThisMonth", "TopDesktopsThisMonth",
			"IdleDesktops14Days", "StatusByAccount", "DashboardAccounts", "UsageRanking", "TopDesktopsTrend",
			"UsageTrend", "IdleDesktops", "StartDesktopUsageExport", "ExportTask", "CostSummary", "BillingAdvice");

	@TestFactory
	Stream<DynamicTest> readmeExamplesAnswerInFullWithDefaultLimits() throws IOException {
		List<String> operations = readmeOperations();
		assertThat(operations).hasSizeGreaterThanOrEqualTo(12);
		List<DynamicTest> tests = new ArrayList<>();
		String[] exportTaskId = new String[1];
		for (String operation : operations) {
			String name = operation.lines().findFirst().orElse(operation);
			tests.add(DynamicTest.dynamicTest(name, () -> {
				String document = operation;
				if (document.contains("<task id>")) {
					assertThat(exportTaskId[0]).as("an export was started before").isNotNull();
					document = document.replace("huawei:huawei-demo:<task id>", exportTaskId[0]);
				}
				Map<String, Object> response = post(document);
				assertAnsweredInFull(response);
				if (document.contains("startDesktopUsageExport")) {
					exportTaskId[0] = (String) ((Map<?, ?>) data(response).get("startDesktopUsageExport")).get("id");
				}
			}));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> dashboardOperationsAnswerInFullWithDefaultLimits() throws IOException {
		String document = new ClassPathResource("static/examples/dashboard.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> operations = Parser.parse(document)
			.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map(OperationDefinition::getName)
			.toList();
		assertThat(operations).containsExactlyElementsOf(DASHBOARD_OPERATIONS);
		Map<String, Object> month = range(today().minusDays(29), today().minusDays(1));
		Map<String, Object> lastWeek = range(today().minusDays(7), today().minusDays(1));
		Map<String, Object> variables = new HashMap<>(Map.of("month", month, "lastWeek", lastWeek, "range", month,
				"first", 10, "input", Map.of("accountId", "huawei-demo", "range", lastWeek)));
		return DASHBOARD_OPERATIONS.stream().map((operation) -> DynamicTest.dynamicTest(operation, () -> {
			Map<String, Object> response = post(document, operation, variables);
			assertAnsweredInFull(response);
			if (operation.equals("StartDesktopUsageExport")) {
				// The next operation, ExportTask, follows the export started here.
				variables.put("id", ((Map<?, ?>) data(response).get("startDesktopUsageExport")).get("id"));
			}
			else if (!operation.equals("DashboardAccounts") && !operation.equals("ExportTask")) {
				assertThat(data(response).toString()).contains("state=OK");
			}
		}));
	}

	private List<String> readmeOperations() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		long shift = ChronoUnit.DAYS.between(README_WRITTEN, today());
		List<String> operations = new ArrayList<>();
		Matcher block = GRAPHQL_BLOCK.matcher(readme);
		while (block.find()) {
			Document document = Parser.parse(shifted(block.group(1), shift));
			for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				operations.add(AstPrinter.printAst(operation));
			}
		}
		return operations;
	}

	private static String shifted(String text, long days) {
		Matcher date = DATE.matcher(text);
		StringBuilder shifted = new StringBuilder();
		while (date.find()) {
			date.appendReplacement(shifted, LocalDate.parse(date.group()).plusDays(days).toString());
		}
		date.appendTail(shifted);
		return shifted.toString();
	}

	/** No error, and every account asked answered (or has no API for the question). */
	@SuppressWarnings("unchecked")
	private static void assertAnsweredInFull(Map<String, Object> response) {
		assertThat(response).as("%s", response).doesNotContainKey("errors").containsKey("data");
		List<String> states = new ArrayList<>();
		collectStates(response.get("data"), states);
		assertThat(states).as("source states in %s", response)
			.allMatch((state) -> state.equals("OK") || state.equals("UNSUPPORTED"));
	}

	@SuppressWarnings("unchecked")
	private static void collectStates(Object value, List<String> states) {
		if (value instanceof Map<?, ?> map) {
			if (map.get("state") instanceof String state && map.containsKey("accountId")) {
				states.add(state);
			}
			map.values().forEach((child) -> collectStates(child, states));
		}
		else if (value instanceof List<?> list) {
			list.forEach((child) -> collectStates(child, states));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> response) {
		return (Map<String, Object>) response.get("data");
	}

	private static Map<String, Object> range(LocalDate from, LocalDate to) {
		return Map.of("from", from.toString(), "to", to.toString());
	}

}
