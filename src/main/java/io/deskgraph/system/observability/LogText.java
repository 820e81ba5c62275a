package io.deskgraph.system.observability;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * Makes a client-controlled string safe to write into a log line, so that a client can
 * neither forge log lines nor make one line arbitrarily long.
 *
 * @author DeskGraph
 */
public final class LogText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private LogText() {
	}

	/**
	 * Escapes and bounds a value for a log line. CR, LF and tab become {@code \r},
	 * {@code \n} and {@code \t}, a backslash becomes {@code \\} (so that an escape in the
	 * log always means an escaped character), and every other control, format or
	 * line-separator character becomes {@code \}{@code uXXXX}. Past {@code max}
	 * characters of the value the rest is replaced by a marker naming how many characters
	 * were left out, for example {@code ...[+49900 chars]}.
	 * @param value the client's text; {@code null} gives {@code -}
	 * @param max the most characters of {@code value} to keep
	 * @return the text, safe for one log line
	 */
	public static String of(@Nullable String value, int max) {
		Assert.isTrue(max >= 0, "max must not be negative");
		if (value == null) {
			return "-";
		}
		int keep = Math.min(value.length(), max);
		// Never split a surrogate pair: that would leave half a character in the log.
		if (keep > 0 && keep < value.length() && Character.isHighSurrogate(value.charAt(keep - 1))) {
			keep--;
		}
		StringBuilder text = new StringBuilder(keep + 16);
		for (int i = 0; i < keep; i++) {
			append(text, value.charAt(i));
		}
		if (keep < value.length()) {
			text.append("...[+").append(value.length() - keep).append(" chars]");
		}
		return text.toString();
	}

	private static void append(StringBuilder text, char c) {
		switch (c) {
			case '\n' -> text.append("\\n");
			case '\r' -> text.append("\\r");
			case '\t' -> text.append("\\t");
			case '\\' -> text.append("\\\\");
			default -> {
				if (needsEscape(c)) {
					text.append("\\u")
						.append(HEX[(c >> 12) & 0xF])
						.append(HEX[(c >> 8) & 0xF])
						.append(HEX[(c >> 4) & 0xF])
						.append(HEX[c & 0xF]);
				}
				else {
					text.append(c);
				}
			}
		}
	}

	private static boolean needsEscape(char c) {
		// Control characters include NEL (U+0085); line and paragraph separators and
		// format characters (e.g. bidirectional overrides) can also make a log viewer
		// show something other than what was written.
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

}
