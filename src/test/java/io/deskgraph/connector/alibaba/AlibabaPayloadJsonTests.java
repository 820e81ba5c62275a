package io.deskgraph.connector.alibaba;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.alibaba.payload.ChargeType;
import io.deskgraph.connector.alibaba.payload.DescribeDesktopsResponse;
import io.deskgraph.connector.alibaba.payload.DesktopItem;
import io.deskgraph.connector.alibaba.payload.ErrorResponse;
import io.deskgraph.connector.alibaba.payload.UsageDurationItem;
import io.deskgraph.connector.alibaba.payload.UsageDurationRankResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.json.JacksonTester;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for the JSON mapping of the Alibaba payload records and error bodies.
 *
 * @author DeskGraph
 */
class AlibabaPayloadJsonTests {

	private final ObjectMapper objectMapper = new ObjectMapper();

	private JacksonTester<UsageDurationRankResponse> rankingJson;

	private JacksonTester<DescribeDesktopsResponse> desktopsJson;

	@BeforeEach
	void setUp() {
		JacksonTester.initFields(this, this.objectMapper);
	}

	@Test
	void chargeTypeReadsInAnyCasing() throws IOException {
		for (String prePaid : new String[] { "PrePaid", "PRE_PAID", "prepaid", "Pre-Paid", " pre_paid " }) {
			assertThat(ChargeType.of(prePaid)).as(prePaid).isEqualTo(ChargeType.PRE_PAID);
		}
		for (String postPaid : new String[] { "PostPaid", "POST_PAID", "postpaid" }) {
			assertThat(ChargeType.of(postPaid)).as(postPaid).isEqualTo(ChargeType.POST_PAID);
		}
		assertThat(ChargeType.of("MONTH_PACKAGE")).isEqualTo(ChargeType.MONTH_PACKAGE);
		assertThat(ChargeType.of("MonthPackage")).isEqualTo(ChargeType.MONTH_PACKAGE);
		assertThat(ChargeType.of("DURATION")).isEqualTo(ChargeType.DURATION);
		assertThat(ChargeType.of("Duration")).isEqualTo(ChargeType.DURATION);
		assertThat(ChargeType.of("SomethingNew")).isEqualTo(ChargeType.UNKNOWN);
		assertThat(ChargeType.of(null)).isEqualTo(ChargeType.UNKNOWN);
		assertThat(this.rankingJson.read(fixture("ranking-page-1.json")).getObject().usageDurationList())
			.extracting(UsageDurationItem::charge, UsageDurationItem::chargeType)
			.containsExactly(tuple(ChargeType.PRE_PAID, "PrePaid"), tuple(ChargeType.PRE_PAID, "PRE_PAID"),
					tuple(ChargeType.POST_PAID, "POST_PAID"));
	}

	@Test
	void rankingPageReadsRowsTokenAndSeconds() throws IOException {
		UsageDurationRankResponse page = this.rankingJson.read(fixture("ranking-page-1.json")).getObject();
		assertThat(page.requestId()).isEqualTo("1CBAFFAB-B697-4049-A9B1-67E1FC5F0001");
		assertThat(page.totalCount()).isEqualTo(5);
		assertThat(page.nextToken()).isEqualTo("AAAAAV3MpHK1AP0pfERHZN5pu6kxSLfRe0l7CSn9QDhvm8T3");
		assertThat(page.usageDurationList()).first()
			.isEqualTo(
					new UsageDurationItem("alice", "ecd-8cndajrdrd424sb99", "dev-01", "cn-shanghai", "PrePaid", 36000));
		UsageDurationRankResponse last = this.rankingJson.read(fixture("ranking-page-2.json")).getObject();
		assertThat(last.nextToken()).isNull();
		assertThat(last.usageDurationList()).extracting(UsageDurationItem::usageDuration).containsExactly(3600L, 3600L);
	}

	@Test
	void usageDurationIsALongBeyondIntAndDoubleRange() throws IOException {
		UsageDurationItem row = this.rankingJson
			.parseObject("{\"UsageDurationList\":[{\"DesktopId\":\"ecd-1\",\"UsageDuration\":9007199254740993}]}")
			.usageDurationList()
			.get(0);
		assertThat(row.usageDuration()).isEqualTo(9_007_199_254_740_993L);
		assertThat(row.chargeType()).isNull();
		assertThat(row.charge()).isEqualTo(ChargeType.UNKNOWN);
		assertThat(row.endUserId()).isNull();
	}

	@Test
	void missingListsReadAsEmpty() throws IOException {
		assertThat(this.rankingJson.parseObject("{\"TotalCount\":0}").usageDurationList()).isEmpty();
		assertThat(this.desktopsJson.parseObject("{\"RequestId\":\"r\"}").desktops()).isEmpty();
	}

	@Test
	void desktopReadsStatesEndUsersTimesAndDesktopType() throws IOException {
		DescribeDesktopsResponse first = this.desktopsJson.read(fixture("desktops-page-1.json")).getObject();
		assertThat(first.nextToken()).isEqualTo("desktops-page-2");
		DesktopItem desktop = first.desktops().get(0);
		assertThat(desktop.desktopStatus()).isEqualTo("Running");
		assertThat(desktop.connectionStatus()).isEqualTo("Connected");
		assertThat(desktop.chargeType()).isEqualTo("PrePaid");
		assertThat(desktop.charge()).isEqualTo(ChargeType.PRE_PAID);
		assertThat(desktop.desktopType()).isEqualTo("eds.enterprise_office.4c8g");
		assertThat(first.desktops().get(1).desktopType()).as("absent").isNull();
		// The fixture's desktops do not name their region: the connector adds the one
		// asked.
		assertThat(desktop.regionId()).isNull();
		assertThat(desktop.orRegion("cn-hangzhou").regionId()).isEqualTo("cn-hangzhou");
		assertThat(desktop.orRegion("cn-hangzhou").orRegion("cn-beijing").regionId()).isEqualTo("cn-hangzhou");
		assertThat(desktop.endUserIds()).containsExactly("alice", "bob");
		assertThat(AlibabaFormats.parseInstant(desktop.creationTime()))
			.isEqualTo(Instant.parse("2026-08-06T08:28:00Z"));
		assertThat(AlibabaFormats.parseInstant(first.desktops().get(1).creationTime()))
			.isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
		DescribeDesktopsResponse second = this.desktopsJson.read(fixture("desktops-page-2.json")).getObject();
		assertThat(second.nextToken()).isNull();
		assertThat(second.desktops().get(0).endUserIds()).as("a single value").containsExactly("dave");
		assertThat(second.desktops().get(1).endUserIds()).as("absent").isEmpty();
	}

	@Test
	void instantsReadInTheFormsAlibabaWrites() {
		assertThat(AlibabaFormats.parseInstant("2026-08-06T08:28Z")).isEqualTo(Instant.parse("2026-08-06T08:28:00Z"));
		assertThat(AlibabaFormats.parseInstant("2026-08-06T08:28:15.123Z"))
			.isEqualTo(Instant.parse("2026-08-06T08:28:15.123Z"));
		assertThat(AlibabaFormats.parseInstant("2026-08-06T16:28:00+08:00"))
			.isEqualTo(Instant.parse("2026-08-06T08:28:00Z"));
		assertThat(AlibabaFormats.parseInstant("2026-08-06 08:28:00")).isEqualTo(Instant.parse("2026-08-06T08:28:00Z"));
		assertThat(AlibabaFormats.parseInstant("yesterday")).isNull();
		assertThat(AlibabaFormats.parseInstant(null)).isNull();
	}

	@Test
	void errorBodyReadsEveryPart() {
		ErrorResponse error = parse("{\"RequestId\":\"7DC0013A-1\",\"HostId\":\"ecd.cn-shanghai.aliyuncs.com\","
				+ "\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\","
				+ "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=Throttling.User\"}");
		assertThat(error).isEqualTo(new ErrorResponse("7DC0013A-1", "ecd.cn-shanghai.aliyuncs.com", "Throttling.User",
				"Request was denied due to user flow control.",
				"https://api.aliyun.com/troubleshoot?q=Throttling.User"));
		assertThat(parse("{\"code\":\"InternalError\",\"message\":\"oops\",\"requestId\":\"r\"}"))
			.isEqualTo(new ErrorResponse("r", null, "InternalError", "oops", null));
	}

	@Test
	void errorBodyThatIsNotAnAlibabaErrorBecomesTheMessage() {
		assertThat(parse("<html>Bad Gateway</html>"))
			.isEqualTo(new ErrorResponse(null, null, null, "<html>Bad Gateway</html>", null));
		assertThat(parse("")).isEqualTo(new ErrorResponse(null, null, null, null, null));
		assertThat(parse("{\"RequestId\":\"r-1\"}").requestId()).isEqualTo("r-1");
		assertThat(parse("{\"Code\":")).extracting(ErrorResponse::message).isEqualTo("{\"Code\":");
		assertThat(parse("x".repeat(500)).message()).hasSize(201);
	}

	private ErrorResponse parse(String body) {
		return AlibabaEcdClient.parseError(this.objectMapper, body.getBytes(StandardCharsets.UTF_8));
	}

	private static ClassPathResource fixture(String name) {
		return new ClassPathResource(name, AlibabaPayloadJsonTests.class);
	}

}
