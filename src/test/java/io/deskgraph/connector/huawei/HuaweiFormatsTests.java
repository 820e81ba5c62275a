package io.deskgraph.connector.huawei;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HuaweiFormats}.
 *
 * @author DeskGraph
 */
class HuaweiFormatsTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 19);

	@Test
	void dayBucketHasNoHour() {
		assertThat(HuaweiFormats.parseBucket("2026-11-19", ZoneOffset.UTC))
			.isEqualTo(new HuaweiFormats.Bucket(DAY, null));
	}

	@Test
	void hourBucketsAreReadInEveryKnownForm() {
		HuaweiFormats.Bucket nine = new HuaweiFormats.Bucket(DAY, 9);
		assertThat(HuaweiFormats.parseBucket("2026-11-19 09:00", ZoneOffset.UTC)).isEqualTo(nine);
		assertThat(HuaweiFormats.parseBucket("2026-11-19 09", ZoneOffset.UTC)).isEqualTo(nine);
		assertThat(HuaweiFormats.parseBucket("2026-11-19T09:00:00Z", ZoneOffset.UTC)).isEqualTo(nine);
		assertThat(HuaweiFormats.parseBucket("2026-11-19T09:00:00.000Z", ZoneOffset.UTC)).isEqualTo(nine);
		assertThat(HuaweiFormats.parseBucket("2026-11-19T23:00:00.000Z", ZoneOffset.UTC))
			.isEqualTo(new HuaweiFormats.Bucket(DAY, 23));
	}

	@Test
	void bucketsWithoutZoneAreTheVendorsDaysAndInstantsMoveIntoTheDayZone() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(HuaweiFormats.parseBucket("2026-11-19 09:00", shanghai)).isEqualTo(new HuaweiFormats.Bucket(DAY, 9));
		assertThat(HuaweiFormats.parseBucket("2026-11-19T23:00:00.000Z", shanghai))
			.isEqualTo(new HuaweiFormats.Bucket(DAY.plusDays(1), 7));
	}

	@Test
	void unreadableBucketIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> HuaweiFormats.parseBucket("yesterday", ZoneOffset.UTC))
			.withMessageContaining("yesterday");
	}

	@Test
	void instantsAreParsedLeniently() {
		Instant expected = Instant.parse("2022-08-08T02:34:05.202Z");
		assertThat(HuaweiFormats.parseInstant("2022-08-08T02:34:05.202Z")).isEqualTo(expected);
		assertThat(HuaweiFormats.parseInstant("2022-08-08T02:34:05.202+0000")).isEqualTo(expected);
		assertThat(HuaweiFormats.parseInstant("2022-08-08T10:34:05.202+08:00")).isEqualTo(expected);
		assertThat(HuaweiFormats.parseInstant("2022-08-08 02:34:05.202")).isEqualTo(expected);
		assertThat(HuaweiFormats.parseInstant("2022-08-08T02:34:05Z")).isEqualTo(Instant.parse("2022-08-08T02:34:05Z"));
		assertThat(HuaweiFormats.parseInstant("not a time")).isNull();
		assertThat(HuaweiFormats.parseInstant(null)).isNull();
	}

	@Test
	void timesAreWrittenAsTheApisExpect() {
		assertThat(HuaweiFormats.metricStart(DAY.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.isEqualTo("2026-11-19T00:00:00Z");
		assertThat(HuaweiFormats.metricEnd(DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.isEqualTo("2026-11-19T23:59:59Z");
		// A day of Asia/Shanghai (UTC+8) starts and ends eight hours earlier in UTC.
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(HuaweiFormats.metricStart(DAY.atStartOfDay(shanghai).toInstant())).isEqualTo("2026-11-18T16:00:00Z");
		assertThat(HuaweiFormats.metricEnd(DAY.plusDays(1).atStartOfDay(shanghai).toInstant()))
			.isEqualTo("2026-11-19T15:59:59Z");
		assertThat(HuaweiFormats.MILLIS_INSTANT.format(Instant.parse("2026-11-19T08:15:00Z")))
			.isEqualTo("2026-11-19T08:15:00.000Z");
		assertThat(HuaweiFormats.SDK_DATE.format(Instant.parse("2019-11-15T03:36:55Z"))).isEqualTo("20191115T033655Z");
	}

	@Test
	void hoursBecomeRoundedSeconds() {
		assertThat(HuaweiFormats.hoursToSeconds(new BigDecimal("0.01"))).isEqualTo(36);
		assertThat(HuaweiFormats.hoursToSeconds(new BigDecimal("0.333"))).isEqualTo(1199);
		assertThat(HuaweiFormats.hoursToSeconds(null)).isZero();
		assertThat(HuaweiFormats.seconds(1234.5)).isEqualTo(1235);
		assertThat(HuaweiFormats.seconds(null)).isZero();
	}

}
