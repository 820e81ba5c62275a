package io.deskgraph.connector.huawei;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.huawei.payload.DesktopsStatisticsResponse;
import io.deskgraph.connector.huawei.payload.ExportTasksResponse;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoRequest;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoResponse;
import io.deskgraph.connector.huawei.payload.UsedInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON mapping of the Huawei payload records and error bodies.
 *
 * @author DeskGraph
 */
class HuaweiPayloadJsonTests {

	private final ObjectMapper objectMapper = new ObjectMapper();

	private JacksonTester<UsedDesktopInfoResponse> usedJson;

	private JacksonTester<UsedDesktopInfoRequest> usedRequestJson;

	private JacksonTester<DesktopsStatisticsResponse> statisticsJson;

	private JacksonTester<ExportTasksResponse> exportTasksJson;

	@BeforeEach
	void setUp() {
		JacksonTester.initFields(this, this.objectMapper);
	}

	@Test
	void useTimeReadsAsStringOrNumber() throws IOException {
		UsedDesktopInfoResponse response = this.usedJson.parseObject("""
				{"total_count": 1, "desktop_used_info_list": [{"desktop_id": "d1", "desktop_username": "alice",
				  "used_info_list": [{"date": "2026-11-01", "use_time": "1.32"},
				                     {"date": "2026-11-02", "use_time": 12.62},
				                     {"date": "2026-11-03", "use_time": 3}]}],
				 "some_newer_field": true}
				""");
		List<UsedInfo> used = response.desktopUsedInfoList().get(0).usedInfoList();
		assertThat(used).extracting(UsedInfo::useTime)
			.containsExactly(new BigDecimal("1.32"), new BigDecimal("12.62"), new BigDecimal("3"));
		assertThat(used).extracting((info) -> HuaweiFormats.hoursToSeconds(info.useTime()))
			.containsExactly(4752L, 45432L, 10800L);
	}

	@Test
	void missingListsReadAsEmpty() throws IOException {
		assertThat(this.usedJson.parseObject("{\"total_count\": 0}").desktopUsedInfoList()).isEmpty();
		assertThat(this.exportTasksJson.parseObject("{}").exportTasks()).isEmpty();
		DesktopsStatisticsResponse statistics = this.statisticsJson.parseObject("{\"total_num\": 7}");
		assertThat(statistics.totalNum()).isEqualTo(7);
		assertThat(statistics.attachStatistics()).isNull();
		assertThat(statistics.desktopPoolStatistics()).isEmpty();
	}

	@Test
	void usedRequestWritesSnakeCaseAndLeavesOutWhatIsNotSet() throws IOException {
		assertThat(this.usedRequestJson
			.write(new UsedDesktopInfoRequest(List.of(), "2026-11-01", "2026-11-19", "DAY", null, 0, 100))
			.getJson()).isEqualTo(
					"{\"start_time\":\"2026-11-01\",\"end_time\":\"2026-11-19\",\"group_by_type\":\"DAY\",\"offset\":0,\"limit\":100}");
		assertThat(this.usedRequestJson.write(
				new UsedDesktopInfoRequest(List.of("d1", "d2"), "2026-11-01", "2026-11-19", "HOUR", "alice", 200, 100)))
			.extractingJsonPathArrayValue("$.desktop_ids")
			.containsExactly("d1", "d2");
	}

	@Test
	void errorBodyUsesErrorCodeAndErrorMsgFirst() {
		assertThat(parse("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\",\"request_id\":\"abc\"}"))
			.isEqualTo(new HuaweiWorkspaceClient.ErrorBody("APIGW.0308", "throttled"));
		assertThat(parse("{\"code\":\"WKS.0001\",\"message\":\"empty\"}"))
			.isEqualTo(new HuaweiWorkspaceClient.ErrorBody("WKS.0001", "empty"));
		assertThat(parse("{\"error\":{\"code\":\"APIG.0301\",\"message\":\"nested\"}}"))
			.isEqualTo(new HuaweiWorkspaceClient.ErrorBody("APIG.0301", "nested"));
	}

	@Test
	void errorBodyThatIsNotJsonBecomesTheMessage() {
		assertThat(parse("<html>Bad Gateway</html>"))
			.isEqualTo(new HuaweiWorkspaceClient.ErrorBody(null, "<html>Bad Gateway</html>"));
		assertThat(parse("")).isEqualTo(new HuaweiWorkspaceClient.ErrorBody(null, null));
		assertThat(parse("x".repeat(500)).message()).hasSize(201);
	}

	private HuaweiWorkspaceClient.ErrorBody parse(String body) {
		return HuaweiWorkspaceClient.parseError(this.objectMapper, body.getBytes(StandardCharsets.UTF_8));
	}

}
