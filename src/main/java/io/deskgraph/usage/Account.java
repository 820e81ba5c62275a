package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * A configured vendor account (a Huawei project in a region, or an Alibaba account in a
 * region).
 *
 * @param id the configured account id
 * @param vendor the vendor
 * @param region the vendor region
 * @param name a display name, if configured
 * @author DeskGraph
 */
public record Account(String id, Vendor vendor, String region, @Nullable String name) {

}
