package io.docent.teams.access;

import io.docent.core.Asker;

/**
 * Turns a Teams question's facts into who asks and where the answer is shown. Called on an answer thread (it may
 * ask the Bot Connector); never throws: what it cannot find out, it answers with less ({@link Asker#ANONYMOUS}'s
 * identity, a shared audience with guests), never with more.
 */
@FunctionalInterface
public interface AskerResolver {

    Asker resolve(Asking asking);
}
