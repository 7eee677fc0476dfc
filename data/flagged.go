package data

import (
	"database/sql"
	"fmt"
)

// FlaggedActions lists a body's actions (bodyID 0: every body) that are flagged for the
// clerk to keep or delete (see Action.Flag), in the order the action log lists them.
func (s *Store) FlaggedActions(bodyID int64) ([]Action, error) {
	var out []Action
	err := s.view(func(tx *sql.Tx) error {
		var err error
		out, err = queryActions(tx, "WHERE a.flag <> '' AND (?1 = 0 OR a.body_id = ?1) ORDER BY "+actionOrder, bodyID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list flagged actions: %w", err)
	}
	return out, nil
}

// KeepAction is the clerk's answer "keep it" to a flagged action: the flag is cleared and
// the action is no longer tied to the [Action] tag or the written reply that raised it, so
// that the next save of that text does not flag it again. It stays in the log as an action
// the clerk entered, with its history.
//
// (Clearing the flag alone with UpdateAction is not enough: the tag is still missing from
// the text, so the next save of the item would flag the action once more.)
func (s *Store) KeepAction(id int64) error {
	return s.update(func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE actions SET flag = '', source = '', tag_field = '', tag_index = 0, tag_text = ''
			WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("keep action %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(sql.ErrNoRows, "action", id)
		}
		return nil
	})
}

// ActionOwners lists the owners of a body's actions (bodyID 0: every body), those with the
// most actions first, for the action log's owner filter.
func (s *Store) ActionOwners(bodyID int64) ([]string, error) {
	rows, err := s.db.Query(`SELECT owner FROM actions WHERE (?1 = 0 OR body_id = ?1) AND owner <> ''
		GROUP BY owner ORDER BY count(*) DESC, owner`, bodyID)
	if err != nil {
		return nil, fmt.Errorf("list action owners: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
