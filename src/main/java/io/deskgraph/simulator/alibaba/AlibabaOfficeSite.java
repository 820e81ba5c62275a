package io.deskgraph.simulator.alibaba;

/**
 * One office site (workspace directory) of the simulated Alibaba estate.
 *
 * @param officeSiteId the office site id, e.g. {@code cn-shanghai+dir-4061738295}
 * @param officeSiteName the display name
 * @param regionId the region the office site belongs to
 * @param officeSiteType {@code SIMPLE} (convenience accounts) or {@code AD_CONNECTOR}
 * @author DeskGraph
 */
public record AlibabaOfficeSite(String officeSiteId, String officeSiteName, String regionId, String officeSiteType) {

}
