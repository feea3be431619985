#!/usr/bin/env python3
"""Writes N recorded answers as JSON Lines for the batch-grading benchmark (docs/performance.md).

The sessions replay a sample recording (one session's answers, in order), each under its own session id and
candidate, with a word changed per session so that every session's input, and its analysis, differ.
Usage: make-answers.py SAMPLE.jsonl N > answers.jsonl
"""
import json
import sys

sample_path, wanted = sys.argv[1], int(sys.argv[2])
with open(sample_path, encoding="utf-8") as sample:
    template = [json.loads(line) for line in sample if line.strip()]
fillers = ["really", "actually", "quite", "very", "honestly", "clearly", "simply", "truly"]
written = session = 0
out = sys.stdout
while written < wanted:
    for index, answer in enumerate(template):
        if written == wanted:
            break
        line = {
            "session": f"bench-{session}",
            "candidate": f"Candidate {session % 500}",
            "question": answer["question"],
            "text": answer["text"].replace(" the ", f" the {fillers[(session + index) % len(fillers)]} ", 1)
            + f" That was in team {session % 97}.",
            "seconds": answer.get("seconds", 60) + session % 7,
        }
        if "think_seconds" in answer:
            line["think_seconds"] = answer["think_seconds"]
        out.write(json.dumps(line) + "\n")
        written += 1
    session += 1
