package io.deskgraph.system.limits;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static io.deskgraph.system.limits.UsageTrendTests.TREND;
import static io.deskgraph.system.limits.UsageTrendTests.accountPoints;
import static io.deskgraph.system.limits.UsageTrendTests.data;
import static io.deskgraph.system.limits.UsageTrendTests.days;
import static io.deskgraph.system.limits.UsageTrendTests.list;
import static io.deskgraph.system.limits.UsageTrendTests.points;
import static io.deskgraph.system.limits.UsageTrendTests.range;
import static io.deskgraph.system.limits.UsageTrendTests.seconds;
import static io.deskgraph.system.limits.UsageTrendTests.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code usageTrend} with the default limits over estates of two desktops per
 * vendor, where whole days go without usage.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = { "deskgraph.simulator.huawei.desktops=2", "deskgraph.simulator.alibaba.desktops=2" })
class UsageTrendSmallEstateTests extends DefaultLimitsTestSupport {

	@Test
	void aDayWithoutUsageIsAZeroPointOfEveryAccountAndOfTheSum() {
		LocalDate idle = today().minusDays(2);
		while (idle.isAfter(today().minusDays(80)) && huaweiEstate(idle) + alibabaEstate(idle) > 0) {
			idle = idle.minusDays(1);
		}
		assertThat(huaweiEstate(idle) + alibabaEstate(idle)).as("usage on %s in two estates of two desktops", idle)
			.isZero();
		LocalDate from = idle.minusDays(3);
		LocalDate to = idle.plusDays(3).isAfter(today().minusDays(2)) ? today().minusDays(2) : idle.plusDays(3);
		Map<String, Object> response = post(TREND, Map.of("range", range(from, to)));
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		Map<String, Object> trend = data(response);
		Map<LocalDate, Long> huawei = new LinkedHashMap<>();
		Map<LocalDate, Long> alibaba = new LinkedHashMap<>();
		Map<LocalDate, Long> both = new LinkedHashMap<>();
		for (LocalDate day : days(from, to)) {
			huawei.put(day, huaweiEstate(day));
			alibaba.put(day, alibabaEstate(day));
			both.put(day, huaweiEstate(day) + alibabaEstate(day));
		}
		assertThat(accountPoints(trend, "huawei-demo")).isEqualTo(huawei).containsEntry(idle, 0L);
		assertThat(accountPoints(trend, "alibaba-demo")).isEqualTo(alibaba).containsEntry(idle, 0L);
		assertThat(points(list(trend, "points"))).isEqualTo(both).containsEntry(idle, 0L);
		assertThat(seconds(trend.get("total"))).isEqualTo(sum(both));
	}

	private long huaweiEstate(LocalDate day) {
		return this.huawei.estate()
			.desktops()
			.stream()
			.map(HuaweiDesktop::id)
			.mapToLong((id) -> this.huawei.estate().usageSeconds(id, day))
			.sum();
	}

	private long alibabaEstate(LocalDate day) {
		return this.alibaba.estate()
			.desktops()
			.stream()
			.map(AlibabaDesktop::desktopId)
			.mapToLong((id) -> this.alibaba.estate().desktopUsageSeconds(id, day, day))
			.sum();
	}

}
