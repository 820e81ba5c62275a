package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Usage and logins of one end user in a window.
 *
 * @param accountId the account
 * @param userName the end user
 * @param usage usage summed over the user's desktops
 * @param loginCount login attempts
 * @param loginSuccessCount successful logins
 * @param loginFailCount failed logins
 * @param enterpriseProjectId the Huawei enterprise project of the user, if reported
 * @author DeskGraph
 */
public record UserMetric(String accountId, String userName, UsageDuration usage, @Nullable Integer loginCount,
		@Nullable Integer loginSuccessCount, @Nullable Integer loginFailCount, @Nullable String enterpriseProjectId) {

	/**
	 * A metric without an enterprise project.
	 * @param accountId the account
	 * @param userName the end user
	 * @param usage usage summed over the user's desktops
	 * @param loginCount login attempts
	 * @param loginSuccessCount successful logins
	 * @param loginFailCount failed logins
	 */
	public UserMetric(String accountId, String userName, UsageDuration usage, @Nullable Integer loginCount,
			@Nullable Integer loginSuccessCount, @Nullable Integer loginFailCount) {
		this(accountId, userName, usage, loginCount, loginSuccessCount, loginFailCount, null);
	}

}
