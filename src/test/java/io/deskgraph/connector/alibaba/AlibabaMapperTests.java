package io.deskgraph.connector.alibaba;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.alibaba.payload.DescribeDesktopsResponse;
import io.deskgraph.connector.alibaba.payload.DesktopItem;
import io.deskgraph.connector.alibaba.payload.UsageDurationItem;
import io.deskgraph.connector.alibaba.payload.UsageDurationRankResponse;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaMapper}: the vendor's pages, as JSON fixtures, mapped to
 * DeskGraph's records without any HTTP.
 *
 * @author DeskGraph
 */
class AlibabaMapperTests {

	private static final String ACCOUNT = "ali-fixture";

	private static final DateRange WEEK = new DateRange(LocalDate.parse("2026-11-13"), LocalDate.parse("2026-11-19"));

	private final ObjectMapper objectMapper = new ObjectMapper();

	private final AlibabaMapper mapper = new AlibabaMapper(new Account(ACCOUNT, Vendor.ALIBABA, "cn-shanghai", null));

	@Test
	void inventoryIsCountedByTheDocumentedStateMapping() {
		// Running+Connected → active, inUse; Stopped → stopped (login stopped); Running
		// never connected → ready; Running+Disconnected → disconnected. Three of four
		// have end users.
		Map<AlibabaMapper.RunGroup, Long> counts = Map.of(AlibabaMapper.RunGroup.RUNNING, 3L,
				AlibabaMapper.RunGroup.STARTING, 0L, AlibabaMapper.RunGroup.STOPPED, 1L,
				AlibabaMapper.RunGroup.HIBERNATED, 0L, AlibabaMapper.RunGroup.TOTAL, 4L);
		assertThat(this.mapper.statusCounts(counts, inventory())).isEqualTo(new StatusCounts(4,
				new AttachCounts(3, 1, 0, 0), new RunCounts(3, 1, 0, 0), new LoginCounts(1, 1, 0, 0, 1, 1), List.of()));
	}

	@Test
	void runStatesAreCountedByGroupAndEveryOtherStateIsAnError() {
		// 2 running, 1 starting, 3 stopped, 1 hibernated of 9: the two the groups do not
		// name (for example Expired) are errors; no inventory, no login or attach counts.
		Map<AlibabaMapper.RunGroup, Long> counts = Map.of(AlibabaMapper.RunGroup.RUNNING, 2L,
				AlibabaMapper.RunGroup.STARTING, 1L, AlibabaMapper.RunGroup.STOPPED, 3L,
				AlibabaMapper.RunGroup.HIBERNATED, 1L, AlibabaMapper.RunGroup.TOTAL, 9L);
		assertThat(this.mapper.statusCounts(counts, null))
			.isEqualTo(new StatusCounts(9, null, new RunCounts(3, 3, 2, 1), null, List.of()));
		assertThat(AlibabaMapper.RunGroup.STOPPED.statuses()).containsExactly("Stopped", "Stopping");
		assertThat(AlibabaMapper.RunGroup.TOTAL.statuses()).isEmpty();
	}

	@Test
	void rankingsSumEndUsersPerDesktopAndDesktopsPerUserOfEveryRegion() {
		List<UsageDurationItem> rows = rows();
		assertThat(this.mapper.ranking(rows, RankDimension.DESKTOP)).containsExactly(
				new UsageTotal(desktop("ecd-hz0000000000000001", "hz-01", "cn-hangzhou", BillingMode.PAY_AS_YOU_GO,
						"POST_PAID"), "carol", UsageDuration.ofSeconds(99999)),
				new UsageTotal(
						desktop("ecd-8cndajrdrd424sb99", "dev-01", "cn-shanghai", BillingMode.SUBSCRIPTION, "PrePaid"),
						null, UsageDuration.ofSeconds(43200)),
				new UsageTotal(desktop("ecd-a00000000000000002", "ops-02", "cn-shanghai", BillingMode.PAY_AS_YOU_GO,
						"PostPaid"), "alice", UsageDuration.ofSeconds(3600)),
				new UsageTotal(desktop("ecd-b00000000000000003", "ops-03", "cn-shanghai", BillingMode.MONTHLY_PACKAGE,
						"MONTH_PACKAGE"), "dave", UsageDuration.ofSeconds(3600)));
		assertThat(this.mapper.ranking(rows, RankDimension.USER)).containsExactly(
				new UsageTotal(null, "carol", UsageDuration.ofSeconds(99999)),
				new UsageTotal(null, "alice", UsageDuration.ofSeconds(39600)),
				new UsageTotal(null, "bob", UsageDuration.ofSeconds(7200)),
				new UsageTotal(null, "dave", UsageDuration.ofSeconds(3600)));
	}

	@Test
	void idleDesktopsAreThoseWithoutUsageCreatedBeforeTheWindowEnds() {
		List<IdleDesktop> idle = this.mapper.idleDesktops(inventory(), rows(), Instant.parse("2026-11-20T00:00:00Z"));
		assertThat(idle).containsExactly(
				new IdleDesktop(
						desktop("ecd-c00000000000000004", "spare-04", "cn-shanghai", BillingMode.PAY_AS_YOU_GO,
								"PostPaid")
							.withState(DesktopState.ACTIVE, "Running"),
						Instant.parse("2026-11-18T12:00:00Z"), null));
		assertThat(this.mapper.idleDesktops(inventory(), rows(), Instant.parse("2026-11-18T00:00:00Z"))).isEmpty();
	}

	@Test
	void desktopUsageIsPerDesktopAndEndUserWithDesktopsAskedForWithoutUsage() {
		UsageQuery query = new UsageQuery(WEEK, Granularity.DAY,
				List.of("ecd-8cndajrdrd424sb99", "ecd-c00000000000000004"), null, true);
		AlibabaMapper.DesktopUsages usages = this.mapper.desktopUsages(rows(), query);
		assertThat(usages.keys()).extracting(AlibabaMapper.UsageKey::desktopId, AlibabaMapper.UsageKey::endUserId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ecd-8cndajrdrd424sb99", "alice"),
					org.assertj.core.groups.Tuple.tuple("ecd-8cndajrdrd424sb99", "bob"),
					org.assertj.core.groups.Tuple.tuple("ecd-c00000000000000004", null));
		// Points come from the rows of each day; days without usage are left out.
		Map<LocalDate, List<UsageDurationItem>> days = Map.of(LocalDate.parse("2026-11-14"), rows().subList(0, 1),
				LocalDate.parse("2026-11-13"), List.of());
		assertThat(usages.of(usages.keys().subList(0, 1), days)).containsExactly(new DesktopUsage(
				desktop("ecd-8cndajrdrd424sb99", "dev-01", "cn-shanghai", BillingMode.SUBSCRIPTION, "PrePaid"), "alice",
				UsageDuration.ofSeconds(36000),
				List.of(new UsagePoint(LocalDate.parse("2026-11-14"), null, UsageDuration.ofSeconds(36000)))));
		assertThat(usages.of(usages.keys().subList(2, 3), Map.of()))
			.containsExactly(new DesktopUsage(Desktop.of(Vendor.ALIBABA, ACCOUNT, "ecd-c00000000000000004", null), null,
					UsageDuration.ZERO, List.of()));
	}

	@Test
	void desktopStatesFollowTheRunGroupsAndKeepTheVendorsValue() {
		Map<String, DesktopState> states = new LinkedHashMap<>();
		states.put("Running", DesktopState.ACTIVE);
		states.put("Pending", DesktopState.ACTIVE);
		states.put("Starting", DesktopState.ACTIVE);
		states.put("Rebuilding", DesktopState.ACTIVE);
		states.put("Stopped", DesktopState.STOPPED);
		states.put("Stopping", DesktopState.STOPPED);
		states.put("Hibernated", DesktopState.HIBERNATED);
		states.put("Expired", DesktopState.ERROR);
		states.put("Deleted", DesktopState.ERROR);
		states.put("Waking", DesktopState.ERROR);
		states.put("SomethingNew", DesktopState.ERROR);
		states.put("STOPPED", DesktopState.STOPPED);
		states.forEach((status, state) -> {
			Desktop desktop = this.mapper.desktop(new DesktopItem("ecd-1", "d1", status, null, "PrePaid", List.of(),
					null, null, null, "cn-beijing", "eds.enterprise_office.4c8g"));
			assertThat(desktop.state()).as(status).isEqualTo(state);
			assertThat(desktop.vendorState()).isEqualTo(status);
			assertThat(desktop.region()).isEqualTo("cn-beijing");
			assertThat(desktop.name()).isEqualTo("d1");
			assertThat(desktop.spec()).isEqualTo("eds.enterprise_office.4c8g");
		});
		assertThat(AlibabaMapper.desktopState(null)).isNull();
	}

	@Test
	void billingModesReadEveryChargeTypeSpellingAndKeepTheVendorsValue() {
		Map<String, BillingMode> modes = new LinkedHashMap<>();
		modes.put("PrePaid", BillingMode.SUBSCRIPTION);
		modes.put("PRE_PAID", BillingMode.SUBSCRIPTION);
		modes.put("PostPaid", BillingMode.PAY_AS_YOU_GO);
		modes.put("POST_PAID", BillingMode.PAY_AS_YOU_GO);
		modes.put("MONTH_PACKAGE", BillingMode.MONTHLY_PACKAGE);
		modes.put("DURATION", BillingMode.DURATION_PACKAGE);
		modes.put("SomethingNew", BillingMode.OTHER);
		modes.forEach((chargeType, mode) -> {
			List<UsageDurationItem> row = List
				.of(new UsageDurationItem("alice", "ecd-1", "d1", "cn-hangzhou", chargeType, 60));
			Desktop desktop = this.mapper.ranking(row, RankDimension.DESKTOP).get(0).desktop();
			assertThat(desktop.billingMode()).as(chargeType).isEqualTo(mode);
			assertThat(desktop.vendorBillingMode()).isEqualTo(chargeType);
			assertThat(desktop.region()).isEqualTo("cn-hangzhou");
		});
		Desktop unsaid = this.mapper
			.ranking(List.of(new UsageDurationItem("alice", "ecd-1", "d1", null, null, 60)), RankDimension.DESKTOP)
			.get(0)
			.desktop();
		assertThat(unsaid.billingMode()).isNull();
		assertThat(unsaid.vendorBillingMode()).isNull();
		assertThat(unsaid.region()).isNull();
	}

	/** The inventory as the connector keeps it: each desktop in the region asked. */
	private List<DesktopItem> inventory() {
		List<DesktopItem> desktops = new ArrayList<>(
				page("desktops-page-1.json", DescribeDesktopsResponse.class).desktops());
		desktops.addAll(page("desktops-page-2.json", DescribeDesktopsResponse.class).desktops());
		return desktops.stream().map((desktop) -> desktop.orRegion("cn-shanghai")).toList();
	}

	private List<UsageDurationItem> rows() {
		List<UsageDurationItem> rows = new ArrayList<>(
				page("ranking-page-1.json", UsageDurationRankResponse.class).usageDurationList());
		rows.addAll(page("ranking-page-2.json", UsageDurationRankResponse.class).usageDurationList());
		return rows;
	}

	private Desktop desktop(String nativeId, String name, String region, BillingMode billingMode, String chargeType) {
		return Desktop.of(Vendor.ALIBABA, ACCOUNT, nativeId, name).inRegion(region).billed(billingMode, chargeType);
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
