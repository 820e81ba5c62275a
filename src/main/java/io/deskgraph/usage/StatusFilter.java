package io.deskgraph.usage;

import java.util.List;

/**
 * Which desktops a status count covers, and which counts are asked for.
 *
 * @param desktopTypes only these kinds (empty: all)
 * @param poolIds only these pools (empty: all)
 * @param withLoginAndAttach whether login and attach counts are asked for: a vendor that
 * can count run states alone cheaply (Alibaba, by filter) needs its whole inventory for
 * them
 * @author DeskGraph
 */
public record StatusFilter(List<DesktopType> desktopTypes, List<String> poolIds, boolean withLoginAndAttach) {

}
