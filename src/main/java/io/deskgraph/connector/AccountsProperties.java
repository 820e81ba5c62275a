package io.deskgraph.connector;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vendor accounts DeskGraph queries ({@code deskgraph.accounts}); when empty,
 * DeskGraph runs in demo mode against its embedded simulators.
 *
 * @param accounts the configured accounts
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph")
public record AccountsProperties(@DefaultValue List<AccountProperties> accounts) {

}
