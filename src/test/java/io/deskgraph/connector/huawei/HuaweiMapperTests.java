package io.deskgraph.connector.huawei;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.huawei.payload.DesktopMetricsResponse;
import io.deskgraph.connector.huawei.payload.DesktopsStatisticsResponse;
import io.deskgraph.connector.huawei.payload.ExportTasksResponse;
import io.deskgraph.connector.huawei.payload.UnusedDesktopsResponse;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoResponse;
import io.deskgraph.connector.huawei.payload.UserMetricsResponse;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.ExportStatus;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.UserMetric;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiMapper}: the vendor's pages, as JSON fixtures, mapped to
 * DeskGraph's records without any HTTP.
 *
 * @author DeskGraph
 */
class HuaweiMapperTests {

	private static final String ACCOUNT = "hw-fixture";

	private static final String USED = "6f1c0a2e-4b7d-4e59-9c1a-2f5e8d3b7a10";

	private static final String UNUSED = "0b9e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

	private final ObjectMapper objectMapper = new ObjectMapper();

	private final HuaweiMapper mapper = new HuaweiMapper(new Account(ACCOUNT, Vendor.HUAWEI, "cn-north-4", null));

	@Test
	void statisticsBecomeCountsPerStateAndPool() {
		StatusCounts counts = this.mapper.statusCounts(page("statistics.json", DesktopsStatisticsResponse.class));
		assertThat(counts.total()).isEqualTo(6);
		assertThat(counts.attach()).isEqualTo(new AttachCounts(4, 1, 1, 0));
		assertThat(counts.run()).isEqualTo(new RunCounts(3, 2, 1, 0));
		assertThat(counts.login()).isEqualTo(new LoginCounts(2, 2, 1, 1, 0, 0));
		assertThat(counts.pools()).containsExactly(
				new PoolStatus(ACCOUNT, "pool-7a1f", "pool-call-center", 2, new AttachCounts(2, 0, 0, 0),
						new RunCounts(2, 0, 0, 0), new LoginCounts(1, 0, 0, 0, 1, 0)),
				new PoolStatus(ACCOUNT, "", "pool-without-id", 0, null, null, null));
	}

	@Test
	void usedDesktopsByDayAreSortedPointsInSecondsWithoutEmptyDays() {
		List<DesktopUsage> usages = page("used-desktops-by-day.json", UsedDesktopInfoResponse.class)
			.desktopUsedInfoList()
			.stream()
			.map((info) -> this.mapper.desktopUsage(info, Granularity.DAY))
			.toList();
		// use_time is hours, as a string or a number; 1.32 h = 4752 s, 12.62 h = 45432 s.
		assertThat(usages).containsExactly(
				new DesktopUsage(desktop(USED, null), "user0001", UsageDuration.ofSeconds(4752 + 45432),
						List.of(point("2026-11-01", null, 4752), point("2026-11-02", null, 45432))),
				new DesktopUsage(desktop(UNUSED, null), null, UsageDuration.ZERO, List.of()));
	}

	@Test
	void usedDesktopsByHourKeepTheUtcHourOfEitherSpelling() {
		DesktopUsage usage = this.mapper.desktopUsage(
				page("used-desktops-by-hour.json", UsedDesktopInfoResponse.class).desktopUsedInfoList().get(0),
				Granularity.HOUR);
		assertThat(usage.points()).containsExactly(point("2026-11-01", 8, 3600), point("2026-11-01", 9, 1800));
		assertThat(usage.total()).isEqualTo(UsageDuration.ofSeconds(5400));
	}

	@Test
	void windowsOfOneDesktopAndUserMergeIntoOne() {
		DesktopUsage first = new DesktopUsage(desktop(USED, null), "user0001", UsageDuration.ofSeconds(60),
				List.of(point("2026-10-30", null, 60)));
		DesktopUsage second = new DesktopUsage(desktop(USED, null), "user0001", UsageDuration.ofSeconds(30),
				List.of(point("2026-10-01", null, 30)));
		DesktopUsage other = new DesktopUsage(desktop(USED, null), "user0002", UsageDuration.ofSeconds(5), List.of());
		assertThat(HuaweiMapper.merge(List.of(new Slice<>(List.of(first, other), 2), new Slice<>(List.of(second), 1))))
			.containsExactly(new DesktopUsage(desktop(USED, null), "user0001", UsageDuration.ofSeconds(90),
					List.of(point("2026-10-01", null, 30), point("2026-10-30", null, 60))), other);
	}

	@Test
	void desktopMetricsBecomeRankingsAndMetricsInSeconds() {
		DesktopMetricsResponse metrics = page("desktop-metrics.json", DesktopMetricsResponse.class);
		assertThat(metrics.items().stream().map(this.mapper::desktopTotal)).containsExactly(
				new UsageTotal(desktop(USED, "fin-0001"), "user0001", UsageDuration.ofSeconds(45432)),
				new UsageTotal(desktop(UNUSED, null), null, UsageDuration.ZERO));
		assertThat(metrics.items().stream().map(this.mapper::desktopMetric)).containsExactly(
				new DesktopMetric(desktop(USED, "fin-0001"), "pool-7a1f", "pool-call-center", "user0001",
						UsageDuration.ofSeconds(45432), UsageDuration.ofSeconds(2)),
				new DesktopMetric(desktop(UNUSED, null), null, null, null, UsageDuration.ZERO,
						UsageDuration.ofSeconds(30)));
	}

	@Test
	void userMetricsCarryUsageAndLogins() {
		UserMetricsResponse metrics = page("user-metrics.json", UserMetricsResponse.class);
		assertThat(this.mapper.userMetric(metrics.items().get(0)))
			.isEqualTo(new UserMetric(ACCOUNT, "user0001", UsageDuration.ofSeconds(90000), 21, 20, 1));
		assertThat(this.mapper.userTotal(metrics.items().get(0)))
			.isEqualTo(new UsageTotal(null, "user0001", UsageDuration.ofSeconds(90000)));
	}

	@Test
	void unusedDesktopsKeepTheirCreationAndLastDisconnection() {
		IdleDesktop idle = this.mapper
			.idleDesktop(page("unused-desktops.json", UnusedDesktopsResponse.class).unusedDesktops().get(0));
		assertThat(idle).isEqualTo(new IdleDesktop(desktop(UNUSED, "ops-0042"), Instant.parse("2026-08-01T08:15:00Z"),
				Instant.parse("2026-11-02T17:30:00Z")));
	}

	@Test
	void exportTasksAreFoundByIdWithUnknownStatesKeptRaw() {
		ExportTasksResponse tasks = page("export-tasks.json", ExportTasksResponse.class);
		ExportTask ready = new ExportTask("huawei:" + ACCOUNT + ":task-ready", ACCOUNT, "task-ready",
				ExportStatus.SUCCESS, "SUCCESS", "DesktopUsageMetric_20261120.csv", null, null, false,
				Instant.parse("2026-11-20T10:15:30Z"), Instant.parse("2026-11-20T10:15:33Z"));
		assertThat(this.mapper.find(tasks, "task-ready")).contains(ready);
		assertThat(ready.downloadUrl()).isEqualTo("/exports/huawei:" + ACCOUNT + ":task-ready/file");
		assertThat(this.mapper.find(tasks, "task-odd")).get().satisfies((task) -> {
			assertThat(task.status()).isEqualTo(ExportStatus.UNKNOWN);
			assertThat(task.vendorStatus()).isEqualTo("SOMETHING_NEW");
			assertThat(task.downloaded()).isNull();
			assertThat(task.downloadUrl()).isNull();
		});
		assertThat(this.mapper.find(tasks, "task-unknown")).isEmpty();
	}

	@Test
	void failedExportTasksCarryTheirErrorCodeAndReason() {
		ExportTasksResponse tasks = page("export-tasks.json", ExportTasksResponse.class);
		assertThat(this.mapper.find(tasks, "task-failed")).get().satisfies((task) -> {
			assertThat(task.status()).isEqualTo(ExportStatus.FAIL);
			assertThat(task.errorCode()).isEqualTo("WKS.0042");
			assertThat(task.failReason()).isEqualTo("No data to export");
			assertThat(task.downloaded()).isFalse();
			assertThat(task.downloadUrl()).isNull();
		});
	}

	private Desktop desktop(String nativeId, String name) {
		return Desktop.of(Vendor.HUAWEI, ACCOUNT, nativeId, name);
	}

	private static UsagePoint point(String day, Integer hour, long seconds) {
		return new UsagePoint(LocalDate.parse(day), hour, UsageDuration.ofSeconds(seconds));
	}

	private <T> T page(String fixture, Class<T> type) {
		try {
			return this.objectMapper.readValue(new ClassPathResource(fixture, getClass()).getInputStream(), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
