// A job kept as a file (JSON or YAML, docs/job-file.md): its text read into the value the job definition schema
// validates. Syntax errors name the file, line and column.
import YAML from 'yaml'
import { invalid } from './errors'

export type JobFileFormat = 'json' | 'yaml'

/** JSON for *.json, YAML otherwise (YAML 1.2, so a date stays the text the schema checks). */
export function jobFileFormat(fileName: string): JobFileFormat {
  return fileName.toLowerCase().endsWith('.json') ? 'json' : 'yaml'
}

export function parseJobFile(text: string, fileName: string): unknown {
  if (text.trim() === '') throw invalid(`${fileName} is empty: it should hold one job (see docs/job-file.md).`)
  return jobFileFormat(fileName) === 'json' ? parseJson(text, fileName) : parseYaml(text, fileName)
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // V8 names the token but not always where it is: YAML (a superset of JSON) finds the place
    const what = (error as Error).message
      .replace(/,? ".*" is not valid JSON$/s, '')
      .replace(/( in JSON)? at position \d+.*$/s, '')
    const position = /position (\d+)/.exec((error as Error).message)
    const where = position ? lineAndColumn(text, Number(position[1])) : yamlErrorPlace(text)
    throw invalid(`${fileName}${where} is not valid JSON: ${what}.`)
  }
}

function parseYaml(text: string, fileName: string): unknown {
  const doc = YAML.parseDocument(text, { uniqueKeys: true })
  const [error] = doc.errors
  if (error) {
    const at = error.linePos?.[0]
    const what = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    throw invalid(`${fileName}${at ? `:${at.line}:${at.col}` : ''} is not valid YAML: ${what}.`)
  }
  try {
    return doc.toJS()
  } catch (error) {
    // what the parser lets through but cannot resolve: an alias to no anchor, or too many aliases (an alias bomb)
    throw invalid(`${fileName} is not valid YAML: ${(error as Error).message.replace(/[.\s]+$/, '')}.`)
  }
}

function yamlErrorPlace(text: string) {
  const at = YAML.parseDocument(text).errors[0]?.linePos?.[0]
  return at ? `:${at.line}:${at.col}` : ''
}

function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n')
  return `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`
}
