package io.deskgraph.simulator.huawei;

/**
 * One desktop pool of the simulated Workspace estate.
 *
 * @param id the pool id (UUID-shaped)
 * @param name the pool name
 * @author DeskGraph
 */
public record HuaweiPool(String id, String name) {

}
