package io.deskgraph.usage;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A desktop with no usage in the window asked.
 *
 * @param desktop the desktop
 * @param createdAt when the desktop was created
 * @param lastDisconnectedAt when a user last disconnected, if ever
 * @author DeskGraph
 */
public record IdleDesktop(Desktop desktop, @Nullable Instant createdAt, @Nullable Instant lastDisconnectedAt) {

}
