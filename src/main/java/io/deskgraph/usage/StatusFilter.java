package io.deskgraph.usage;

import java.util.List;

/**
 * Which desktops a status count covers.
 *
 * @param desktopTypes only these kinds (empty: all)
 * @param poolIds only these pools (empty: all)
 * @author DeskGraph
 */
public record StatusFilter(List<DesktopType> desktopTypes, List<String> poolIds) {

}
