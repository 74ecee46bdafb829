/**
 * The steps of an mlgate pipeline (validate, train, evaluate, register, promote) and what
 * {@code run} chains. Every face calls these; none re-implements a rule.
 */
package io.mlgate.core.pipeline;
