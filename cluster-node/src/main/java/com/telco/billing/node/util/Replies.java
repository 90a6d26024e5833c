package com.telco.billing.node.util;

import com.telco.billing.protocol.Refusal;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/** How the entities answer: a value, or a {@link Refusal} carried by {@code StatusReply.error}. */
public final class Replies {
  private Replies() {}

  /** Answers {@code refusal} to {@code replyTo}; nothing is persisted. */
  public static <E, S, T> ReplyEffect<E, S> refuse(
      EffectFactories<E, S> effect, ActorRef<StatusReply<T>> replyTo, Refusal refusal) {
    return effect.reply(replyTo, StatusReply.error(refusal.toException()));
  }
}
