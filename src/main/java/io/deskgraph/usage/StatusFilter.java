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
 * @param withPools whether counts per pool are asked for: Huawei answers them only when
 * asked for pooled desktops, which may take a call of its own
 * @author DeskGraph
 */
public record StatusFilter(List<DesktopType> desktopTypes, List<String> poolIds, boolean withLoginAndAttach,
		boolean withPools) {

	/**
	 * A filter that asks for the counts per pool too.
	 * @param desktopTypes only these kinds (empty: all)
	 * @param poolIds only these pools (empty: all)
	 * @param withLoginAndAttach whether login and attach counts are asked for
	 */
	public StatusFilter(List<DesktopType> desktopTypes, List<String> poolIds, boolean withLoginAndAttach) {
		this(desktopTypes, poolIds, withLoginAndAttach, true);
	}

}
