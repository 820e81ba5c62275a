package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * One row of a vendor ranking before DeskGraph assigns ranks: a desktop or a user and its
 * usage.
 *
 * @param desktop the desktop, when ranking desktops
 * @param userName the end user, when ranking users (or the latest user of a desktop)
 * @param duration the usage in the window
 * @author DeskGraph
 */
public record UsageTotal(@Nullable Desktop desktop, @Nullable String userName, UsageDuration duration) {

}
