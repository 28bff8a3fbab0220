/**
 * The questionnaire of an order: review round, personal links, anonymous answers and results.
 * Not built yet.
 */
package dk.samspil.survey;
