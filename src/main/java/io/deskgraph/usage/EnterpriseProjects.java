package io.deskgraph.usage;

import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * Checks Huawei enterprise project ids (the {@code enterprise_project_id} of the
 * Workspace metric and export APIs): {@code "0"} for the default project or the project's
 * UUID.
 *
 * @author DeskGraph
 */
public final class EnterpriseProjects {

	/** The id of every account's default enterprise project. */
	public static final String DEFAULT_PROJECT = "0";

	/** Longest id: a UUID with hyphens. */
	public static final int MAX_LENGTH = 36;

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private EnterpriseProjects() {
	}

	/**
	 * Whether a value is an enterprise project id.
	 * @param value the value
	 * @return true for {@code "0"} and for a UUID
	 */
	public static boolean isValid(@Nullable String value) {
		return value != null && (DEFAULT_PROJECT.equals(value) || UUID.matcher(value).matches());
	}

	/**
	 * Checks an enterprise project id a client sent.
	 * @param value the value, or {@code null} when none was sent
	 * @param argument the argument, named in the error
	 * @return the value, {@code null} when none was sent
	 * @throws InvalidArgumentException if the value is neither {@code "0"} nor a UUID
	 */
	@Nullable
	public static String check(@Nullable String value, String argument) {
		if (value == null || isValid(value)) {
			return value;
		}
		String shown = (value.length() > MAX_LENGTH) ? value.substring(0, MAX_LENGTH) + "…" : value;
		throw new InvalidArgumentException(argument,
				"must be a Huawei enterprise project id: \"0\" for the default project or a UUID such as "
						+ "6f1c2e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6 (at most " + MAX_LENGTH + " characters); got '" + shown
						+ "' (" + value.length() + " characters)");
	}

}
