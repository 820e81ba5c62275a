package io.deskgraph.usage;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * A desktop's usage in a window, per end user where the vendor reports one.
 *
 * @param desktop the desktop
 * @param userName the end user, if reported
 * @param total the total usage in the window
 * @param points usage per bucket, buckets without usage left out
 * @author DeskGraph
 */
public record DesktopUsage(Desktop desktop, @Nullable String userName, UsageDuration total, List<UsagePoint> points) {

}
