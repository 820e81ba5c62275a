package io.deskgraph.system.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LogText}.
 *
 * @author DeskGraph
 */
class LogTextTests {

	@Test
	void plainTextIsKept() {
		assertThat(LogText.of("TopDesktops_2 über 東京", 100)).isEqualTo("TopDesktops_2 über 東京");
	}

	@Test
	void nullIsADash() {
		assertThat(LogText.of(null, 100)).isEqualTo("-");
	}

	@Test
	void lineBreaksCannotStartAnotherLogLine() {
		String forged = "Status\n2026-11-29T10:00:00Z ERROR fake line\r\nmore\ttab";
		assertThat(LogText.of(forged, 200)).isEqualTo("Status\\n2026-11-29T10:00:00Z ERROR fake line\\r\\nmore\\ttab")
			.doesNotContain("\n", "\r", "\t");
	}

	@Test
	void otherControlFormatAndSeparatorCharactersAreEscaped() {
		assertThat(LogText.of("a\u0007b\u001bc\u0085d\u2028e\u2029f\u202eg\u0000", 100))
			.isEqualTo("a\\u0007b\\u001bc\\u0085d\\u2028e\\u2029f\\u202eg\\u0000");
	}

	@Test
	void backslashesAreEscapedSoAnEscapeIsNeverAmbiguous() {
		assertThat(LogText.of("a\\nb", 100)).isEqualTo("a\\\\nb");
	}

	@Test
	void longValuesAreTruncatedWithAMarkerNamingWhatWasLeftOut() {
		String longName = "x".repeat(50_000);
		assertThat(LogText.of(longName, 100)).isEqualTo("x".repeat(100) + "...[+49900 chars]");
	}

	@Test
	void valueOfExactlyMaxIsNotTruncated() {
		assertThat(LogText.of("abc", 3)).isEqualTo("abc");
		assertThat(LogText.of("abcd", 0)).isEqualTo("...[+4 chars]");
	}

	@Test
	void truncationNeverSplitsASurrogatePair() {
		assertThat(LogText.of("ab\uD83D\uDE00cd", 3)).isEqualTo("ab...[+4 chars]");
	}

	@Test
	void negativeMaxIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> LogText.of("a", -1));
	}

}
