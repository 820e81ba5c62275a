package io.deskgraph.usage;

import java.util.List;

/**
 * A result assembled from several accounts, which says how each account contributed.
 *
 * @author DeskGraph
 */
public interface SourcedResult {

	/**
	 * How each selected account contributed.
	 * @return one status per account asked
	 */
	List<SourceStatus> sources();

}
