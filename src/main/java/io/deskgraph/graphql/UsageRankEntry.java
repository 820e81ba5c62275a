package io.deskgraph.graphql;

import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.UsageDuration;

import org.springframework.lang.Nullable;

/**
 * One place in a merged usage ranking.
 *
 * @param rank the position, from 1
 * @param desktop the desktop, when ranking desktops
 * @param userName the end user
 * @param duration the usage in the window
 * @author DeskGraph
 */
public record UsageRankEntry(int rank, @Nullable Desktop desktop, @Nullable String userName, UsageDuration duration) {

}
