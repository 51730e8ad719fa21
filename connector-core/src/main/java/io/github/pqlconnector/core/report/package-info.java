/**
 * The closed loop's numbers: who entered each tier when (from the verdict history, or a backtest's replay), who
 * converted (the outcomes read back from the CRM), and what that says about the model: conversion per tier, lift,
 * time to convert, conversion per signal type, the funnel.
 */
@NullMarked
package io.github.pqlconnector.core.report;

import org.jspecify.annotations.NullMarked;
