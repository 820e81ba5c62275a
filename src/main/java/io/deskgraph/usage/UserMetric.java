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
 * @author DeskGraph
 */
public record UserMetric(String accountId, String userName, UsageDuration usage, @Nullable Integer loginCount,
		@Nullable Integer loginSuccessCount, @Nullable Integer loginFailCount) {

}
